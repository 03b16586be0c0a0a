import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../test/support/databases.ts';
import type { Database, NewApplicationRow } from '../../db/schema.ts';
import { loadAgencyYear, loadAllAgenciesYear } from './annual-report.repository.ts';
import { classifyApplicationsForYear } from './domain/build/classify-applications.ts';
import type { ApplicationCount, ApplicationSummary, RemedyCount } from './domain/build/types.ts';

const NOW = '2026-01-05T08:00:00.000Z';

async function addAgency(db: Kysely<Database>, code: string, name: string): Promise<number> {
  const row = await db
    .insertInto('agencies')
    .values({ code, name, kind: 'department', level: 'county', created_at: NOW })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function applicationRow(agencyId: number, n: number, s: ApplicationSummary): NewApplicationRow {
  return {
    agency_id: agencyId,
    tracking_code: `R${agencyId}-${n}`,
    secret_hash: 'h',
    channel: 'inPerson',
    received_on: s.receivedOn,
    applicant_type: s.applicantColumn,
    applicant_name: '张三',
    description: '申请公开某文件',
    form: 'electronic',
    delivery: 'email',
    state: s.outcome === null ? 'registered' : 'replied',
    outcome: s.outcome,
    closed_on: s.closedOn,
    year: Number(s.receivedOn.slice(0, 4)),
    created_at: NOW,
    updated_at: NOW,
  };
}

/** Counts as a map "row/column" → n, summed (the repository gives one entry per GROUP BY row and side). */
function tally(counts: readonly (ApplicationCount | RemedyCount)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of counts) {
    const key = 'row' in c ? `${c.row}/${c.column}` : `${c.group}/${c.result}`;
    out[key] = (out[key] ?? 0) + c.count;
  }
  return out;
}

const app = (applicantColumn: string, receivedOn: string, closedOn: string | null = null, outcome: string | null = null) => ({
  applicantColumn,
  receivedOn,
  closedOn,
  outcome,
});

/** Boundary cases of the year conditions around 2022. */
const APPS: ApplicationSummary[] = [
  app('naturalPerson', '2022-01-01', '2022-01-20', 'disclosed'),
  app('naturalPerson', '2022-12-31'),
  app('naturalPerson', '2021-12-31', '2022-01-01', 'withheld.processInfo'),
  app('business', '2021-06-01', '2023-02-01', 'disclosed'),
  app('business', '2021-06-01', '2021-12-31', 'disclosed'),
  app('research', '2023-01-01'),
  app('legalService', '2022-04-01', '2022-12-31', 'other.feeUnpaid'),
  app('legalService', '2022-04-02', '2022-04-03', 'other.misc'),
  app('otherOrg', '2020-04-02'),
  app('publicInterest', '2022-03-02', '2022-03-09', null),
];

describe.each(testDatabases())('annual report queries on $name', (target) => {
  const t = useTestDatabase(target);
  let a = 0;
  let b = 0;

  it('set up two agencies with applications, remedy cases, catalogue items and yearly counts', async () => {
    a = await addAgency(t.db, 'A', '某县财政局');
    b = await addAgency(t.db, 'B', '某县教育局');
    await t.db.insertInto('applications').values(APPS.map((s, i) => applicationRow(a, i, s))).execute();
    await t.db
      .insertInto('applications')
      .values(APPS.slice(0, 4).map((s, i) => applicationRow(b, i, { ...s, applicantColumn: 'research' })))
      .execute();
    const remedy = (agency_id: number, kind: 'reconsideration' | 'litigationDirect', filed_on: string, result: 'upheld' | 'corrected' | 'other' | 'pending', closed_on: string | null) =>
      ({ agency_id, kind, filed_on, result, closed_on, created_at: NOW });
    await t.db
      .insertInto('remedy_cases')
      .values([
        remedy(a, 'reconsideration', '2021-12-31', 'upheld', '2022-02-01'),
        remedy(a, 'reconsideration', '2022-01-01', 'upheld', '2022-03-01'),
        remedy(a, 'reconsideration', '2022-06-01', 'corrected', '2023-01-02'),
        remedy(a, 'reconsideration', '2022-12-31', 'pending', null),
        remedy(a, 'litigationDirect', '2022-05-05', 'other', '2022-12-31'),
        remedy(a, 'litigationDirect', '2023-01-01', 'upheld', '2023-03-01'),
        remedy(b, 'litigationDirect', '2022-05-05', 'corrected', '2022-07-01'),
      ])
      .execute();
    const item = (n: number, fields: { doc_number: string | null; written_on: string | null; published_on: string | null; validity?: 'valid' | 'repealed' | null; category?: number; state?: 'draft' | 'published' }) => ({
      agency_id: a,
      index_number: `IDX-${n}`,
      title: `文件${n}`,
      body: '正文',
      category: fields.category ?? 1,
      doc_number: fields.doc_number,
      written_on: fields.written_on,
      published_on: fields.published_on,
      validity: fields.validity ?? 'valid',
      state: fields.state ?? 'published',
      year: 2022,
      created_at: NOW,
      updated_at: NOW,
    });
    await t.db
      .insertInto('catalogue_items')
      .values([
        item(1, { doc_number: '某市人民政府令第12号', written_on: '2022-03-01', published_on: '2022-03-05' }),
        item(2, { doc_number: '某政规〔2021〕3号', written_on: '2021-12-20', published_on: '2022-01-04' }),
        item(3, { doc_number: '某政规〔2022〕1号', written_on: '2022-05-01', published_on: '2022-05-02', validity: 'repealed' }),
        item(4, { doc_number: null, written_on: null, published_on: '2022-07-01', validity: null }),
        item(5, { doc_number: '某政规〔2022〕9号', written_on: '2022-08-01', published_on: null, state: 'draft' }),
        item(6, { doc_number: '某政发〔2022〕2号', written_on: '2022-08-01', published_on: '2022-08-02', category: 3 }),
        item(7, { doc_number: '某政规〔2023〕1号', written_on: '2023-01-03', published_on: '2023-01-04' }),
      ])
      .execute();
    const count = (agency_id: number, year: number, row_id: string, column_id: string, value: string) => ({ agency_id, year, row_id, column_id, value });
    await t.db
      .insertInto('yearly_counts')
      .values([
        count(a, 2022, 'licensing', 'decisions', '120'),
        count(a, 2022, 'fees', 'amountWan', '3.5'),
        count(a, 2022, 'normativeDocs', 'repealed', '2'),
        count(a, 2022, 'rules', 'issued', '5'),
        count(a, 2021, 'licensing', 'decisions', '99'),
        count(a, 2020, 'fees', 'change', '-8'),
      ])
      .execute();
  });

  it('counts table 三 with the year conditions of classifyApplicationsForYear', async () => {
    for (const year of [2020, 2021, 2022, 2023]) {
      const data = await loadAgencyYear(t.db, a, year, '2021');
      expect(tally(data.applications), String(year)).toEqual(tally(classifyApplicationsForYear(APPS, year)));
    }
    // the boundaries spelled out for 2022
    expect(tally((await loadAgencyYear(t.db, a, 2022, '2021')).applications)).toEqual({
      'received/naturalPerson': 2,
      'disclosed/naturalPerson': 1,
      'carriedOut/naturalPerson': 1,
      'carriedIn/naturalPerson': 1,
      'withheld.processInfo/naturalPerson': 1,
      'carriedIn/business': 1,
      'carriedOut/business': 1,
      'received/legalService': 2,
      'other.feeUnpaid/legalService': 1,
      'other.misc/legalService': 1,
      'carriedIn/otherOrg': 1,
      'carriedOut/otherOrg': 1,
      'received/publicInterest': 1,
      'carriedOut/publicInterest': 1,
    });
  });

  it('counts table 四 from the cases filed in the year, with the result as it stood on 31 December', async () => {
    expect(tally((await loadAgencyYear(t.db, a, 2022, '2021')).remedies)).toEqual({
      'reconsideration/upheld': 1,
      'reconsideration/pending': 2,
      'litigationDirect/other': 1,
    });
  });

  it('fills table 二 from the published Art. 20(1) catalogue items, replaced by what staff entered for the year', async () => {
    expect((await loadAgencyYear(t.db, a, 2022, '2021')).proactive).toEqual({
      rules: { issued: 5, inForce: 1 },
      normativeDocs: { issued: 2, inForce: 2, repealed: 2 },
      licensing: { decisions: 120 },
      fees: { amountWan: 3.5 },
    });
    expect((await loadAgencyYear(t.db, a, 2022, '2019')).proactive).toMatchObject({
      rules: { madeThisYear: 1, publishedThisYear: 1, publishedTotal: 1 },
      normativeDocs: { madeThisYear: 2, publishedThisYear: 3, publishedTotal: 3 },
    });
    expect((await loadAgencyYear(t.db, a, 2020, '2019')).proactive).toEqual({ fees: { change: -8 } });
  });

  it('aggregates all agencies in one pass with the same result as one agency at a time', async () => {
    for (const year of [2021, 2022]) {
      const all = await loadAllAgenciesYear(t.db, year, '2021');
      expect([...all.keys()].sort()).toEqual([a, b].sort());
      for (const id of [a, b]) {
        const one = await loadAgencyYear(t.db, id, year, '2021');
        const both = all.get(id)!;
        expect(tally(both.applications)).toEqual(tally(one.applications));
        expect(tally(both.remedies)).toEqual(tally(one.remedies));
        expect(both.proactive).toEqual(one.proactive);
      }
    }
    expect(tally((await loadAllAgenciesYear(t.db, 2022, '2021')).get(b)!.remedies)).toEqual({ 'litigationDirect/corrected': 1 });
  });

  it('gives nothing for an agency or year without data', async () => {
    expect(await loadAgencyYear(t.db, 9999, 2022, '2021')).toEqual({ applications: [], remedies: [], proactive: {} });
    expect((await loadAllAgenciesYear(t.db, 2018, '2019')).size).toBe(0);
    // applications still open are carried into every later year
    expect(tally((await loadAgencyYear(t.db, a, 2030, '2021')).applications)).toEqual({
      'carriedIn/naturalPerson': 1,
      'carriedOut/naturalPerson': 1,
      'carriedIn/research': 1,
      'carriedOut/research': 1,
      'carriedIn/otherOrg': 1,
      'carriedOut/otherOrg': 1,
      'carriedIn/publicInterest': 1,
      'carriedOut/publicInterest': 1,
    });
  });
});
