/**
 * Scale (run with GONGKAI_BENCH=1): 1,000 agencies and 1,000,000 applications, every agency's report for one year
 * built on SQLite in well under 10 s — one GROUP BY pass per table, not one query per agency.
 */
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../test/support/databases.ts';
import { OUTCOME_IDS } from '../../applications/domain/outcomes.ts';
import { APPLICANT_TYPES } from '../../applications/domain/table-mapping.ts';
import { rng } from '../../../../test/factories/report-factory.ts';
import { checkReport } from '../domain/checks/index.ts';
import { addDays } from '../domain/build/test-life-cycles.ts';
import { buildAllAnnualReports } from './build-annual-report.ts';

const AGENCIES = 1_000;
const APPLICATIONS = 1_000_000;
const sqlite = testDatabases().find((d) => d.name === 'sqlite')!;

describe.runIf(process.env['GONGKAI_BENCH'] === '1')('building every agency’s report at scale (SQLite)', () => {
  it(`${AGENCIES} agencies, ${APPLICATIONS} applications: one year in under 10 s`, async () => {
    const t = await sqlite.open();
    try {
      const file = new BetterSqlite3(t.url.replace(/^sqlite:/, ''));
      const random = rng(7);
      const now = '2025-01-05T08:00:00.000Z';
      file.transaction(() => {
        const agency = file.prepare("insert into agencies (code, name, kind, level, created_at) values (?, ?, 'department', 'county', ?)");
        for (let i = 1; i <= AGENCIES; i++) agency.run(`A${i}`, `第${i}号单位`, now);
        const app = file.prepare(
          `insert into applications (agency_id, tracking_code, secret_hash, channel, received_on, applicant_type, applicant_name,
             description, form, delivery, state, outcome, closed_on, year, created_at, updated_at)
           values (?, ?, 'h', 'online', ?, ?, '张三', '申请公开', 'electronic', 'email', ?, ?, ?, ?, ?, ?)`,
        );
        for (let i = 0; i < APPLICATIONS; i++) {
          const receivedOn = addDays('2023-07-01', Math.floor(random() * 550));
          const open = random() < 0.08;
          const closedOn = open ? null : addDays(receivedOn, 1 + Math.floor(random() * 40));
          const outcome = open ? null : OUTCOME_IDS[Math.floor(random() * OUTCOME_IDS.length)]!;
          const type = random() < 0.8 ? 'naturalPerson' : APPLICANT_TYPES[1 + Math.floor(random() * 5)]!;
          app.run(1 + (i % AGENCIES), `T${i}`, receivedOn, type, open ? 'registered' : 'replied', outcome, closedOn, Number(receivedOn.slice(0, 4)), now, now);
        }
      })();
      file.close();

      const started = performance.now();
      const reports = await buildAllAnnualReports({ db: t.db }, { year: 2024 });
      const seconds = (performance.now() - started) / 1000;
      console.log(`built ${reports.size} reports from ${APPLICATIONS} applications in ${seconds.toFixed(2)} s`);
      expect(reports.size).toBe(AGENCIES);
      expect(seconds).toBeLessThan(10);
      for (const report of reports.values()) expect(checkReport(report, { expectedYear: 2024 })).toEqual([]);
    } finally {
      await t.close();
    }
  }, 600_000);
});
