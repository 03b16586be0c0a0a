/**
 * report-build: every agency's annual report for one year (buildAllAnnualReports) on a province's data, on SQLite
 * and on PostgreSQL, against the floor — one hand-written GROUP BY over the same rows with the same year
 * conditions. Goal: under 10 s on each database, and within 2x of the GROUP BY.
 */
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { checkReport } from '../src/modules/annual-report/domain/checks/index.ts';
import { tablesAsNumbers, type Report } from '../src/modules/annual-report/domain/report.ts';
import { OUTCOME_IDS } from '../src/modules/applications/domain/outcomes.ts';
import { APPLICANT_TYPES } from '../src/modules/applications/domain/table-mapping.ts';
import { buildAllAnnualReports } from '../src/modules/annual-report/use-cases/build-annual-report.ts';
import { openPostgres, openSqlite, pgClientConfig, postgresServer, type BenchDatabase } from './databases.ts';
import { explainYearQueries } from './explain.ts';
import {
  AGENCIES, APPLICATIONS, CATALOGUE_ITEMS, REMEDY_CASES, YEARLY_COUNTS,
  agencyRows, applicationRows, catalogueRows, remedyRows, yearlyCountRows, type CaseScale,
} from './generate/case-data.ts';
import { loadPostgres, loadSqlite } from './generate/load.ts';
import type { TableSpec } from './generate/table-spec.ts';
import { count, line, median, ms, spread, timed, verdict, type Benchmark, type Scale } from './measure.ts';

const SCALES: Readonly<Record<Scale, CaseScale>> = {
  small: { agencies: 100, applications: 50_000, catalogueItemsPerAgency: 40 },
  full: { agencies: 1_000, applications: 1_000_000, catalogueItemsPerAgency: 40 },
};
const YEAR = 2024;
const SEED = 2024;
const GOAL_MS = 10_000;
const GOAL_RATIO = 2;

export const reportBuild: Benchmark = {
  name: 'report-build',
  title: `every agency's ${YEAR} report (buildAllAnnualReports) vs one GROUP BY — goal < 10 s and < ${GOAL_RATIO}x`,
  async run(scale, options) {
    const s = SCALES[scale];
    line(`scale: ${count(s.agencies)} agencies, ${count(s.applications)} applications received 2023-2024, ` +
      `${count(Math.round(s.applications * 0.012))} remedy cases, ${count(s.agencies * s.catalogueItemsPerAgency)} catalogue items`);
    await onDatabase('SQLite', () => openSqlite(), s, options.explain);
    const server = postgresServer();
    if (server === null) line('PostgreSQL: skipped (no server)');
    else await onDatabase('PostgreSQL', () => openPostgres(server), s, options.explain);
  },
};

type Loaded = { table: string; rows: number }[];

async function onDatabase(label: string, open: () => Promise<BenchDatabase>, s: CaseScale, explain: boolean): Promise<void> {
  const db = await open();
  try {
    line(`\n${label}`);
    const meter = { ms: 0 };
    const load = await timed(() => (db.dialect === 'sqlite' ? generateSqlite(db, s, meter) : generatePostgres(db, s, meter)));
    line(`  generate + load: ${ms(load.ms)}, of which generating the rows in JavaScript ${ms(meter.ms)} ` +
      `(${load.value.map((t) => `${t.table} ${count(t.rows)}`).join(', ')})`);
    const settle = await timed(() => settleAfterLoad(db));
    line(`  ${db.dialect === 'sqlite' ? 'WAL checkpoint' : 'VACUUM ANALYZE'}: ${ms(settle.ms)}`);

    // One unmeasured run of each warms the caches; then they alternate so both see the same conditions.
    const floor = await groupBy(db);
    let reports = await buildAllAnnualReports({ db: db.db }, { year: YEAR });
    const builds: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < 3; i++) {
      floors.push((await timed(() => groupBy(db))).ms);
      const built = await timed(() => buildAllAnnualReports({ db: db.db }, { year: YEAR }));
      builds.push(built.ms);
      reports = built.value;
    }
    const build = median(builds);
    const base = median(floors);
    const ratio = build / base;
    line(`  buildAllAnnualReports: ${spread(builds)} for ${count(reports.size)} reports`);
    line(`  one GROUP BY:          ${spread(floors)} (${count(floor.length)} groups)`);
    line(`  ratio build / GROUP BY: ${ratio.toFixed(2)}x`);
    line(`  goal < 10 s: ${verdict(build < GOAL_MS)}; goal < ${GOAL_RATIO}x: ${verdict(ratio < GOAL_RATIO)}`);

    line(`  cross-check: ${crossCheck(floor, reports)}`);
    if (explain || build >= GOAL_MS || ratio >= GOAL_RATIO) await explainYearQueries(db, YEAR);
  } finally {
    await db.close();
  }
}

/**
 * The figures mean something only if the reports are right: every table 三 cell of every report equals what the
 * GROUP BY gives (the 2021 format's rows are the outcome ids), and the checks find no error in any report.
 */
function crossCheck(floor: readonly GroupRow[], reports: ReadonlyMap<number, Report>): string {
  const expected = new Map<string, number>();
  const add = (key: string, n: number) => expected.set(key, (expected.get(key) ?? 0) + n);
  for (const g of floor) {
    add(`${g.agency_id}|${g.in_row}|${g.applicant_type}`, Number(g.n));
    add(`${g.agency_id}|${g.out_row}|${g.applicant_type}`, Number(g.n));
  }
  let cells = 0;
  let wrong = 0;
  let errors = 0;
  for (const [agencyId, report] of reports) {
    const table = tablesAsNumbers(report).applications;
    for (const row of ['received', 'carriedIn', 'carriedOut', ...OUTCOME_IDS]) {
      for (const column of APPLICANT_TYPES) {
        cells++;
        if ((table[row]?.[column] ?? 0) !== (expected.get(`${agencyId}|${row}|${column}`) ?? 0)) wrong++;
      }
    }
    errors += checkReport(report, { expectedYear: YEAR }).filter((f) => f.severity === 'error').length;
  }
  const applications = floor.reduce((n, g) => n + Number(g.n), 0);
  return `${count(applications)} applications; ${count(cells)} table 三 cells compared with the GROUP BY, ${wrong} differ` +
    `${wrong > 0 ? ' — WRONG REPORTS' : ''}; ${errors} error findings in ${count(reports.size)} reports`;
}

interface GroupRow {
  agency_id: number;
  applicant_type: string;
  in_row: string;
  out_row: string;
  n: number | string;
}

/** The floor: table 三 of every agency in one statement, written by hand (same conditions as yearRowsFor). */
async function groupBy(db: BenchDatabase): Promise<GroupRow[]> {
  const start = `${YEAR}-01-01`;
  const end = `${YEAR}-12-31`;
  const { rows } = await sql<GroupRow>`
    select agency_id, applicant_type,
      case when received_on >= ${start} then 'received' else 'carriedIn' end as in_row,
      case when outcome is not null and closed_on is not null and closed_on <= ${end} then outcome else 'carriedOut' end as out_row,
      count(*) as n
    from applications
    where received_on <= ${end} and (outcome is null or closed_on is null or closed_on >= ${start})
    group by 1, 2, 3, 4`.execute(db.db);
  return rows;
}

interface Meter {
  ms: number;
}

function tables(s: CaseScale, meter: Meter): [TableSpec, Iterable<unknown[]>][] {
  const rows: [TableSpec, Iterable<unknown[]>][] = [
    [AGENCIES, agencyRows(s)],
    [APPLICATIONS, applicationRows(s, SEED)],
    [REMEDY_CASES, remedyRows(s, SEED + 1)],
    [CATALOGUE_ITEMS, catalogueRows(s, SEED + 2)],
    [YEARLY_COUNTS, yearlyCountRows(s, SEED + 3)],
  ];
  return rows.map(([spec, source]) => [spec, metered(source, meter)]);
}

/** The rows unchanged, adding the time spent making them to the meter (to tell generating from loading). */
function* metered(rows: Iterable<unknown[]>, meter: Meter): Generator<unknown[]> {
  const it = rows[Symbol.iterator]();
  for (;;) {
    const started = performance.now();
    const next = it.next();
    meter.ms += performance.now() - started;
    if (next.done) return;
    yield next.value;
  }
}

async function generateSqlite(db: BenchDatabase, s: CaseScale, meter: Meter): Promise<Loaded> {
  const file = new BetterSqlite3(db.path!);
  try {
    file.pragma('foreign_keys = ON');
    file.pragma('cache_size = -262144'); // 256 MB: the unique and secondary indexes of a million rows stay in memory
    return tables(s, meter).map(([spec, rows]) => ({ table: spec.table, rows: loadSqlite(file, spec, rows) }));
  } finally {
    file.close();
  }
}

async function generatePostgres(db: BenchDatabase, s: CaseScale, meter: Meter): Promise<Loaded> {
  const client = new pg.Client(pgClientConfig(db.url));
  await client.connect();
  try {
    const out: Loaded = [];
    for (const [spec, rows] of tables(s, meter)) out.push({ table: spec.table, rows: await loadPostgres(client, spec, rows) });
    return out;
  } finally {
    await client.end();
  }
}

/**
 * SQLite: move the loaded pages from the WAL into the database file, as a checkpoint would soon. PostgreSQL: what
 * autovacuum does within a minute of a bulk load (visibility map, planner statistics).
 */
async function settleAfterLoad(db: BenchDatabase): Promise<void> {
  if (db.dialect === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.db);
  else for (const t of ['agencies', 'applications', 'remedy_cases', 'catalogue_items', 'yearly_counts']) await sql`vacuum analyze ${sql.id(t)}`.execute(db.db);
}
