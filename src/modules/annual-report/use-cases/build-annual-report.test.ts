import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import type { Database, NewApplicationRow } from '../../../db/schema.ts';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import { buildReport, classifyApplicationsForYear, type ApplicationSummary } from '../domain/build/index.ts';
import { lifeCycleDraft, lifeCycleState, summaryOf } from '../domain/build/test-life-cycles.ts';
import { checkReport, checkSeries } from '../domain/checks/index.ts';
import { formatForYear } from '../domain/formats/index.ts';
import { tablesAsNumbers, type Report } from '../domain/report.ts';
import { ingestReport } from '../ingest/index.ts';
import { renderReport } from '../render/index.ts';
import { buildAllAnnualReports, buildAnnualReport } from './build-annual-report.ts';

const NOW = '2026-01-05T08:00:00.000Z';
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const AGENCIES = ['某县财政局', '某县教育局', '某县人民政府办公室'];

function applicationRow(agencyId: number, n: number, s: ApplicationSummary): NewApplicationRow {
  return {
    agency_id: agencyId,
    tracking_code: `U${agencyId}-${n}`,
    secret_hash: 'h',
    channel: 'inPerson',
    received_on: s.receivedOn,
    applicant_type: s.applicantColumn,
    applicant_name: '李四',
    description: '申请公开某文件',
    form: 'paper',
    delivery: 'post',
    state: s.outcome === null ? 'registered' : 'replied',
    outcome: s.outcome,
    closed_on: s.closedOn,
    year: Number(s.receivedOn.slice(0, 4)),
    created_at: NOW,
    updated_at: NOW,
  };
}

async function addAgency(db: Kysely<Database>, code: string, name: string): Promise<number> {
  const row = await db.insertInto('agencies').values({ code, name, kind: 'department', level: 'county', created_at: NOW }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Legal life cycles of the applications domain, fixed by the seed so a failure replays. */
function sampleSummaries(seed: number, count: number): ApplicationSummary[] {
  const calendar = loadCalendar();
  return fc.sample(lifeCycleDraft, { seed, numRuns: count }).map((d) => summaryOf(lifeCycleState(d, calendar)));
}

describe.each(testDatabases())('buildAnnualReport on $name', (target) => {
  const t = useTestDatabase(target);
  const ids: number[] = [];
  const byAgency = new Map<number, ApplicationSummary[]>();

  it('set up: three agencies with random legal life cycles, one with none', async () => {
    for (const [i, name] of AGENCIES.entries()) {
      const id = await addAgency(t.db, `AG${i}`, name);
      ids.push(id);
      const summaries = i === 2 ? [] : sampleSummaries(20260105 + i, 150);
      byAgency.set(id, summaries);
      if (summaries.length > 0) await t.db.insertInto('applications').values(summaries.map((s, n) => applicationRow(id, n, s))).execute();
    }
  });

  it('builds, straight from SQL, the same report as the pure builder over the same applications, every year', async () => {
    for (const year of YEARS) {
      const all = await buildAllAnnualReports({ db: t.db }, { year });
      expect([...all.keys()]).toEqual(ids);
      for (const [i, id] of ids.entries()) {
        const expected = buildReport({
          agency: AGENCIES[i]!,
          year,
          applications: classifyApplicationsForYear(byAgency.get(id)!, year),
        });
        expect(all.get(id), `${year} ${AGENCIES[i]}`).toEqual(expected);
        expect(await buildAnnualReport({ db: t.db }, { agencyId: id, year }), `${year} ${AGENCIES[i]}`).toEqual(expected);
      }
    }
  });

  it('gives reports that pass every check and chain from year to year, across the 2020→2021 change', async () => {
    for (const id of ids) {
      const series: Report[] = [];
      for (const year of YEARS) {
        const report = (await buildAnnualReport({ db: t.db }, { agencyId: id, year }))!;
        expect(report.format).toBe(formatForYear(year));
        expect(checkReport(report, { expectedYear: year })).toEqual([]);
        series.push(report);
      }
      expect(checkSeries(series).filter((f) => f.severity === 'error')).toEqual([]);
    }
    const busy = (await buildAnnualReport({ db: t.db }, { agencyId: ids[0]!, year: 2022 }))!;
    expect(tablesAsNumbers(busy).applications.carriedIn!.total).toBeGreaterThan(0);
  });

  it.each(['text', 'html', 'xlsx'] as const)('gives a report that renders to %s and reads back with the same cells', async (to) => {
    for (const year of [2020, 2022]) {
      const report = (await buildAnnualReport({ db: t.db }, { agencyId: ids[0]!, year }))!;
      const back = (await ingestReport(await renderReport(report, to), `report.${to === 'text' ? 'txt' : to}`)).report;
      expect([back.agency, back.year, back.format]).toEqual([report.agency, report.year, report.format]);
      expect(tablesAsNumbers(back)).toEqual(tablesAsNumbers(report));
      expect(checkReport(back)).toEqual([]);
    }
  });

  it('builds the requested format and the prose given', async () => {
    const report = (await buildAnnualReport(
      { db: t.db },
      { agencyId: ids[0]!, year: 2021, format: '2019', sections: { other: '本年度未收取信息处理费。' } },
    ))!;
    expect(report.format).toBe('2019');
    expect(report.sections.other?.text).toBe('本年度未收取信息处理费。');
    expect(checkReport(report).map((f) => f.code)).toEqual(['report.formatMismatch']);
  });

  it('uses the prose saved for the agency and year when none is given, in the one-agency and the all-agency build', async () => {
    const saved = (section_id: string, text: string, year = 2023) => ({ agency_id: ids[1]!, year, section_id, text, updated_by: 'user:1', updated_at: NOW });
    await t.db
      .insertInto('report_sections')
      .values([saved('overview', '2023年，本局稳步推进政务公开。'), saved('problems', '公开平台栏目有待完善。'), saved('other', '上一年的文字', 2022), saved('appendix', '不是任何一部分')])
      .execute();
    const report = (await buildAnnualReport({ db: t.db }, { agencyId: ids[1]!, year: 2023 }))!;
    expect(Object.fromEntries(Object.entries(report.sections).map(([id, s]) => [id, s.text]))).toEqual({
      overview: '2023年，本局稳步推进政务公开。',
      proactive: '',
      applications: '',
      remedies: '',
      problems: '公开平台栏目有待完善。',
      other: '',
    });
    expect((await buildAllAnnualReports({ db: t.db }, { year: 2023 })).get(ids[1]!)).toEqual(report);
    // another agency's report and another year keep their own (empty) prose
    expect((await buildAnnualReport({ db: t.db }, { agencyId: ids[0]!, year: 2023 }))!.sections.overview?.text).toBe('');
    expect((await buildAnnualReport({ db: t.db }, { agencyId: ids[1]!, year: 2022 }))!.sections.other?.text).toBe('上一年的文字');
    await t.db.deleteFrom('report_sections').execute();
  });

  it('gives a report of zeros for an agency without data and null for an unknown agency', async () => {
    const empty = (await buildAnnualReport({ db: t.db }, { agencyId: ids[2]!, year: 2023 }))!;
    expect(tablesAsNumbers(empty).applications.handledTotal!.total).toBe(0);
    expect(await buildAnnualReport({ db: t.db }, { agencyId: 424242, year: 2023 })).toBeNull();
  });

  it('notes, rather than fails on, stored data that names no cell', async () => {
    await t.db
      .insertInto('applications')
      .values(applicationRow(ids[2]!, 9999, { applicantColumn: 'naturalPerson', receivedOn: '2024-03-01', closedOn: '2024-03-10', outcome: 'approved' }))
      .execute();
    await t.db.insertInto('yearly_counts').values({ agency_id: ids[2]!, year: 2024, row_id: 'licensing', column_id: 'decisions', value: '十二' }).execute();
    const report = (await buildAnnualReport({ db: t.db }, { agencyId: ids[2]!, year: 2024 }))!;
    expect(report.notes.map((n) => [n.table, n.row])).toEqual([
      ['applications', 'approved'],
      ['proactive', 'licensing'],
    ]);
    // the application still counts as received; the checker then shows the balance broken
    expect(tablesAsNumbers(report).applications.received!.total).toBe(1);
    expect(checkReport(report).map((f) => f.code)).toContain('applications.balance');
  });
});
