/**
 * The queries of the annual report: one agency's year, or every agency's year at once, aggregated in SQL (GROUP BY),
 * never row by row. The year conditions are those of classifyApplicationsForYear (domain/build), which the tests
 * compare against on both databases.
 */
import { sql, type Kysely } from 'kysely';
import { toCount } from '../../db/count.ts';
import type { Database } from '../../db/schema.ts';
import { yearBounds } from './domain/build/classify-applications.ts';
import type { ApplicationCount, ProactiveValues, RemedyCount } from './domain/build/types.ts';
import type { FormatId } from './domain/formats/index.ts';

/** What the builder needs of one agency's year, besides its name and prose. */
export interface AgencyYearData {
  readonly applications: ApplicationCount[];
  readonly remedies: RemedyCount[];
  readonly proactive: ProactiveValues;
}

export interface AgencyName {
  readonly id: number;
  readonly name: string;
}

export async function findAgencyName(db: Kysely<Database>, agencyId: number): Promise<AgencyName | undefined> {
  return db.selectFrom('agencies').select(['id', 'name']).where('id', '=', agencyId).executeTakeFirst();
}

export async function listAgencyNames(db: Kysely<Database>): Promise<AgencyName[]> {
  return db.selectFrom('agencies').select(['id', 'name']).orderBy('id').execute();
}

/** One agency's year. */
export async function loadAgencyYear(db: Kysely<Database>, agencyId: number, year: number, format: FormatId): Promise<AgencyYearData> {
  return (await aggregateYear(db, year, format, agencyId)).get(agencyId) ?? emptyData();
}

/** Every agency's year in one pass per table (four GROUP BY queries in all); agencies with no data are absent. */
export async function loadAllAgenciesYear(db: Kysely<Database>, year: number, format: FormatId): Promise<Map<number, AgencyYearData>> {
  return aggregateYear(db, year, format, null);
}

type Mutable = { applications: ApplicationCount[]; remedies: RemedyCount[]; proactive: Record<string, Record<string, number>> };

function emptyData(): Mutable {
  return { applications: [], remedies: [], proactive: {} };
}

async function aggregateYear(db: Kysely<Database>, year: number, format: FormatId, agencyId: number | null): Promise<Map<number, Mutable>> {
  const out = new Map<number, Mutable>();
  const of = (id: number): Mutable => {
    let data = out.get(id);
    if (!data) out.set(id, (data = emptyData()));
    return data;
  };
  const [applications, remedies, catalogue, yearly] = await Promise.all([
    applicationCounts(db, year, agencyId),
    remedyCounts(db, year, agencyId),
    catalogueCounts(db, year, agencyId),
    yearlyCounts(db, year, agencyId),
  ]);
  for (const r of applications) {
    const count = toCount(r.n);
    of(r.agency_id).applications.push(
      { row: r.in_row, column: r.applicant_type, count },
      { row: r.out_row, column: r.applicant_type, count },
    );
  }
  for (const r of remedies) of(r.agency_id).remedies.push({ group: r.kind, result: r.result_at_end, count: toCount(r.n) });
  for (const r of catalogue) {
    const cells = (of(r.agency_id).proactive[r.kind] ??= {});
    if (format === '2019') {
      cells.madeThisYear = toCount(r.made);
      cells.publishedThisYear = toCount(r.published_this_year);
      cells.publishedTotal = toCount(r.published_total);
    } else {
      cells.issued = toCount(r.made);
      cells.inForce = toCount(r.in_force);
    }
  }
  // What staff enter for the year replaces what the catalogue counts.
  for (const r of yearly) {
    const cells = (of(r.agency_id).proactive[r.row_id] ??= {});
    cells[r.column_id] = Number(r.value);
  }
  return out;
}

/**
 * Table 三: each application adds 1 to where it came from (一 received in the year, 二 received earlier and open on
 * 1 January) and 1 to where it went (its outcome if closed in the year, 四 if open on 31 December). Closed means a
 * closing date and an outcome, as in yearRowsFor.
 */
function applicationCounts(db: Kysely<Database>, year: number, agencyId: number | null) {
  const { start, end } = yearBounds(year);
  return db
    .selectFrom('applications')
    .select((eb) => [
      'agency_id',
      'applicant_type',
      eb.case().when('received_on', '>=', start).then(sql.lit('received')).else(sql.lit('carriedIn')).end().$castTo<string>().as('in_row'),
      eb
        .case()
        .when(eb.and([eb('outcome', 'is not', null), eb('closed_on', 'is not', null), eb('closed_on', '<=', end)]))
        .then(eb.ref('outcome'))
        .else(sql.lit('carriedOut'))
        .end()
        .$castTo<string>()
        .as('out_row'),
      eb.fn.countAll().as('n'),
    ])
    .where('received_on', '<=', end)
    .where((eb) => eb.or([eb('outcome', 'is', null), eb('closed_on', 'is', null), eb('closed_on', '>=', start)]))
    .$if(agencyId !== null, (q) => q.where('agency_id', '=', agencyId!))
    .groupBy([sql.ref('agency_id'), sql.ref('applicant_type'), sql.ref('in_row'), sql.ref('out_row')])
    .execute();
}

/**
 * Table 四: the reconsideration and litigation cases filed in the year, each with its result as it stood on
 * 31 December (尚未审结 unless closed by then).
 */
function remedyCounts(db: Kysely<Database>, year: number, agencyId: number | null) {
  const { start, end } = yearBounds(year);
  return db
    .selectFrom('remedy_cases')
    .select((eb) => [
      'agency_id',
      'kind',
      eb
        .case()
        .when(eb.and([eb('closed_on', 'is not', null), eb('closed_on', '<=', end)]))
        .then(eb.ref('result'))
        .else(sql.lit('pending'))
        .end()
        .$castTo<string>()
        .as('result_at_end'),
      eb.fn.countAll().as('n'),
    ])
    .where('filed_on', '>=', start)
    .where('filed_on', '<=', end)
    .$if(agencyId !== null, (q) => q.where('agency_id', '=', agencyId!))
    .groupBy([sql.ref('agency_id'), sql.ref('kind'), sql.ref('result_at_end')])
    .execute();
}

/**
 * Table 二, 第二十条第（一）项, from the published catalogue items of Art. 20(1). A 规章 is promulgated by an order
 * (令, 规章制定程序条例 第三十一条), so an item whose document number has 令 counts as a rule and the rest as
 * normative documents. 制发 is the date written (the date published if none); 现行有效 is validity as recorded now.
 * The catalogue keeps no date of repeal: 本年废止件数 comes from the yearly counts only.
 */
function catalogueCounts(db: Kysely<Database>, year: number, agencyId: number | null) {
  const { start, end } = yearBounds(year);
  const made = sql`coalesce(written_on, published_on)`;
  const when = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  return db
    .selectFrom('catalogue_items')
    .select([
      'agency_id',
      sql<string>`case when doc_number like ${'%令%'} then 'rules' else 'normativeDocs' end`.as('kind'),
      when(sql`${made} >= ${start} and ${made} <= ${end}`).as('made'),
      when(sql`published_on >= ${start} and published_on <= ${end}`).as('published_this_year'),
      when(sql`published_on <= ${end}`).as('published_total'),
      when(sql`${made} <= ${end} and coalesce(validity, 'valid') = 'valid'`).as('in_force'),
    ])
    .where('category', '=', 1)
    .where('state', '=', 'published')
    .where((eb) => eb.or([eb('written_on', '<=', end), eb('published_on', '<=', end)]))
    .$if(agencyId !== null, (q) => q.where('agency_id', '=', agencyId!))
    .groupBy([sql.ref('agency_id'), sql.ref('kind')])
    .execute();
}

/** Table 二 cells entered by staff for the year (decisions, fees, procurement, 2019 上一年项目数量 and 本年增/减). */
function yearlyCounts(db: Kysely<Database>, year: number, agencyId: number | null) {
  return db
    .selectFrom('yearly_counts')
    .select(['agency_id', 'row_id', 'column_id', 'value'])
    .where('year', '=', year)
    .$if(agencyId !== null, (q) => q.where('agency_id', '=', agencyId!))
    .execute();
}
