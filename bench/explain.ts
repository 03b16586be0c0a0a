/**
 * Why a year's build takes the time it does: the plans of the table 三 and table 四 aggregates (EXPLAIN QUERY PLAN
 * on SQLite, EXPLAIN ANALYZE on PostgreSQL) and the time of the four repository queries apart from building the
 * Report values in JavaScript.
 */
import { sql, type RawBuilder } from 'kysely';
import { loadAllAgenciesYear } from '../src/modules/annual-report/annual-report.repository.ts';
import type { BenchDatabase } from './databases.ts';
import { line, repeat, spread } from './measure.ts';

export async function explainYearQueries(db: BenchDatabase, year: number): Promise<void> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const queries: [string, RawBuilder<unknown>][] = [
    [
      'table 三 (applications)',
      sql`select agency_id, applicant_type, case when received_on >= ${start} then 'received' else 'carriedIn' end,
            case when outcome is not null and closed_on is not null and closed_on <= ${end} then outcome else 'carriedOut' end, count(*)
          from applications where received_on <= ${end} and (outcome is null or closed_on is null or closed_on >= ${start})
          group by 1, 2, 3, 4`,
    ],
    [
      'table 四 (remedy_cases)',
      sql`select agency_id, kind, count(*) from remedy_cases where filed_on >= ${start} and filed_on <= ${end} group by 1, 2`,
    ],
  ];
  for (const [name, query] of queries) {
    const explained = db.dialect === 'sqlite' ? sql`explain query plan ${query}` : sql`explain (analyze, buffers) ${query}`;
    const { rows } = await explained.execute(db.db);
    line(`  plan of ${name}:`);
    for (const row of rows as Record<string, unknown>[]) line(`    ${String(row['detail'] ?? row['QUERY PLAN'])}`);
  }
  const loads = await repeat(3, () => loadAllAgenciesYear(db.db, year, '2021'), 0);
  line(`  loadAllAgenciesYear alone (the four GROUP BY queries, no Report building): ${spread(loads)}`);
}
