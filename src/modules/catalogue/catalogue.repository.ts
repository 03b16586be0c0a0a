/** Every query of the catalogue module (Kysely): items, index-number counters, the search index, yearly counts. */
import { sql, type Kysely, type Transaction } from 'kysely';
import { toCount } from '../../db/count.ts';
import { isPostgres } from '../../db/migrations/columns.ts';
import type { CatalogueItemRow, CatalogueState, Validity, CatalogueItemRowUpdate, Database, NewCatalogueItemRow, YearlyCount } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function findAgencyCode(db: Db, agencyId: number): Promise<string | undefined> {
  return (await db.selectFrom('agencies').select('code').where('id', '=', agencyId).executeTakeFirst())?.code;
}

/** Raises the agency's public catalogue version (in the transaction that changes what the public sees). */
export async function raisePublicVersion(trx: Transaction<Database>, agencyId: number): Promise<void> {
  await trx
    .insertInto('catalogue_public_versions')
    .values({ agency_id: agencyId, version: 1 })
    .onConflict((oc) => oc.column('agency_id').doUpdateSet((eb) => ({ version: eb('catalogue_public_versions.version', '+', 1) })))
    .execute();
}

/** The agency's public catalogue version; 0 before its first public change. */
export async function publicVersion(db: Db, agencyId: number): Promise<number> {
  const row = await db.selectFrom('catalogue_public_versions').select('version').where('agency_id', '=', agencyId).executeTakeFirst();
  return row?.version ?? 0;
}

/** The next index sequence number of an agency's year; the counter row stays locked until the transaction ends. */
export async function nextIndexSeq(trx: Transaction<Database>, agencyId: number, year: number): Promise<number> {
  await trx
    .insertInto('catalogue_index_counters')
    .values({ agency_id: agencyId, year, last_seq: 0 })
    .onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing())
    .execute();
  const { last_seq } = await trx
    .updateTable('catalogue_index_counters')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return last_seq;
}

export async function insertItem(trx: Transaction<Database>, row: NewCatalogueItemRow): Promise<number> {
  return (await trx.insertInto('catalogue_items').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findItem(db: Db, id: number, options: { lock?: boolean } = {}): Promise<CatalogueItemRow | undefined> {
  return db
    .selectFrom('catalogue_items')
    .selectAll()
    .where('id', '=', id)
    .$if(options.lock === true && isPostgres(db as Kysely<unknown>), (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function updateItem(trx: Transaction<Database>, id: number, changes: CatalogueItemRowUpdate): Promise<void> {
  await trx.updateTable('catalogue_items').set(changes).where('id', '=', id).execute();
}

const TERM_BATCH = 500;

/** Replaces an item's search terms (inside the transaction that changes its text). */
export async function replaceTerms(trx: Transaction<Database>, itemId: number, agencyId: number, terms: Iterable<string>): Promise<void> {
  await trx.deleteFrom('catalogue_terms').where('item_id', '=', itemId).execute();
  const rows = [...terms].map((term) => ({ term, agency_id: agencyId, item_id: itemId }));
  for (let i = 0; i < rows.length; i += TERM_BATCH) {
    await trx.insertInto('catalogue_terms').values(rows.slice(i, i + TERM_BATCH)).execute();
  }
}

export interface ItemFilter {
  readonly agencyId: number;
  readonly states?: readonly CatalogueState[];
  readonly category?: number;
  readonly year?: number;
  readonly issuingBody?: string;
  readonly validity?: Validity;
}

/** `total` is null when the caller asked not to count (it knows the total already). */
/** A catalogue row without its text: what lists show (a body may be a whole regulation, up to 1,000,000 characters). */
export type CatalogueSummaryRow = Omit<CatalogueItemRow, 'body'>;

const SUMMARY_COLUMNS = [
  'id',
  'agency_id',
  'index_number',
  'title',
  'summary',
  'category',
  'issuing_body',
  'written_on',
  'published_on',
  'doc_number',
  'validity',
  'state',
  'year',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof CatalogueSummaryRow)[];

export async function listItemRows(db: Db, filter: ItemFilter, page: { offset: number; limit: number; count?: boolean }): Promise<{ rows: CatalogueSummaryRow[]; total: number | null }> {
  const base = db
    .selectFrom('catalogue_items')
    .where('agency_id', '=', filter.agencyId)
    .$if(filter.states !== undefined && filter.states.length > 0, (q) => q.where('state', 'in', filter.states as CatalogueState[]))
    .$if(filter.category !== undefined, (q) => q.where('category', '=', filter.category!))
    .$if(filter.year !== undefined, (q) => q.where('year', '=', filter.year!))
    .$if(filter.issuingBody !== undefined, (q) => q.where('issuing_body', '=', filter.issuingBody!))
    .$if(filter.validity !== undefined, (q) => q.where('validity', '=', filter.validity!));
  // The page's ids first, from the index alone (OFFSET skips index entries, not whole rows), then their rows.
  const pageIds = base.select('id').orderBy('id', 'desc').limit(page.limit).offset(page.offset);
  const [rows, count] = await Promise.all([
    db.selectFrom('catalogue_items').select(SUMMARY_COLUMNS).where('id', 'in', pageIds).orderBy('id', 'desc').execute(),
    page.count === false ? null : base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count === null ? null : toCount(count.n) };
}

/** Items per Art. 20 category (published only, or all), for the portal's column counts. */
export async function countByCategory(db: Db, agencyId: number, publishedOnly: boolean): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('catalogue_items')
    .select((eb) => ['category', eb.fn.countAll().as('n')])
    .where('agency_id', '=', agencyId)
    .$if(publishedOnly, (q) => q.where('state', '=', 'published'))
    .groupBy('category')
    .execute();
  return new Map(rows.map((r) => [r.category, toCount(r.n)]));
}

/**
 * The `limit` issuing bodies most of the agency's items name (published only, or all), with how many each: one
 * grouped pass over the agency's entries of catalogue_items_public_filters_idx, never the rows.
 */
export async function mostUsedIssuingBodies(db: Db, agencyId: number, publishedOnly: boolean, limit: number): Promise<{ issuingBody: string; items: number }[]> {
  const rows = await db
    .selectFrom('catalogue_items')
    .select((eb) => ['issuing_body', eb.fn.countAll().as('n')])
    .where('agency_id', '=', agencyId)
    .$if(publishedOnly, (q) => q.where('state', '=', 'published'))
    .where('issuing_body', 'is not', null)
    .groupBy('issuing_body')
    .orderBy('n', 'desc')
    .orderBy('issuing_body')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ issuingBody: r.issuing_body!, items: toCount(r.n) }));
}

/** The issuing bodies an agency's items name, for a filter. */
export async function listIssuingBodies(db: Db, agencyId: number, publishedOnly: boolean): Promise<string[]> {
  const rows = await db
    .selectFrom('catalogue_items')
    .select('issuing_body')
    .distinct()
    .where('agency_id', '=', agencyId)
    .where('issuing_body', 'is not', null)
    .$if(publishedOnly, (q) => q.where('state', '=', 'published'))
    .execute();
  return rows.map((r) => r.issuing_body!).sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** How many items of the agency hold the term, counted up to `cap` (enough to pick the rarest term of a query). */
export async function termFrequency(db: Db, agencyId: number, term: string, cap: number): Promise<number> {
  const { n } = await db
    .selectFrom((eb) =>
      eb.selectFrom('catalogue_terms').select('item_id').where('term', '=', term).where('agency_id', '=', agencyId).limit(cap).as('hits'),
    )
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return toCount(n);
}

export interface TermSearch {
  readonly agencyId: number;
  /** the rarest term first: the scan walks its postings, newest item first */
  readonly terms: readonly string[];
  /** phrases whose terms may sit apart in an item, confirmed on the text */
  readonly phrasesToConfirm: readonly string[];
  readonly publishedOnly: boolean;
  readonly offset: number;
  readonly limit: number;
}

function likePattern(phrase: string): string {
  return `%${phrase.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

export async function searchItemRows(db: Db, s: TermSearch): Promise<CatalogueItemRow[]> {
  const [driver, ...others] = s.terms;
  if (driver === undefined) return [];
  let q = db
    .selectFrom('catalogue_terms as t0')
    .innerJoin('catalogue_items as i', 'i.id', 't0.item_id')
    .selectAll('i')
    .where('t0.term', '=', driver)
    .where('t0.agency_id', '=', s.agencyId);
  for (const term of others) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('catalogue_terms as t')
          .select(sql.lit(1).as('one'))
          .where('t.term', '=', term)
          .where('t.agency_id', '=', s.agencyId)
          .whereRef('t.item_id', '=', 't0.item_id'),
      ),
    );
  }
  if (s.publishedOnly) q = q.where('i.state', '=', 'published');
  for (const phrase of s.phrasesToConfirm) {
    const text = sql`lower(i.title || ' ' || coalesce(i.summary, '') || ' ' || i.body || ' ' || coalesce(i.doc_number, '') || ' ' || coalesce(i.issuing_body, ''))`;
    q = q.where(sql<boolean>`${text} like ${likePattern(phrase)} escape '!'`);
  }
  return q.orderBy('t0.item_id', 'desc').limit(s.limit).offset(s.offset).execute();
}

export async function upsertYearlyCount(
  trx: Transaction<Database>,
  cell: { agencyId: number; year: number; row: string; column: string; value: string },
): Promise<void> {
  await trx
    .insertInto('yearly_counts')
    .values({ agency_id: cell.agencyId, year: cell.year, row_id: cell.row, column_id: cell.column, value: cell.value })
    .onConflict((oc) => oc.columns(['agency_id', 'year', 'row_id', 'column_id']).doUpdateSet({ value: cell.value }))
    .execute();
}

export async function deleteYearlyCount(trx: Transaction<Database>, cell: { agencyId: number; year: number; row: string; column: string }): Promise<void> {
  await trx
    .deleteFrom('yearly_counts')
    .where('agency_id', '=', cell.agencyId)
    .where('year', '=', cell.year)
    .where('row_id', '=', cell.row)
    .where('column_id', '=', cell.column)
    .execute();
}

export async function listYearlyCounts(db: Db, agencyId: number, year: number): Promise<YearlyCount[]> {
  return db.selectFrom('yearly_counts').selectAll().where('agency_id', '=', agencyId).where('year', '=', year).orderBy('id').execute();
}
