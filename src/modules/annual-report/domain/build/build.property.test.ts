/**
 * Property: an agency's random application life cycles (legal event sequences of the real applications domain, on
 * the real calendar) built into every year's report, 2019-2025 (2019 and 2020 in the trial format, 2021 on in the
 * 2021 format): the checker finds nothing in any year, the series holds across years (二 = last year's 四, also
 * across the 2020→2021 change), and each cell equals an independent count through the applications domain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../../calendar/load-calendar.ts';
import { reportRowsFor } from '../../../applications/domain/table-mapping.ts';
import type { ApplicationState } from '../../../applications/domain/state.ts';
import { numericValue } from '../cell.ts';
import { checkReport, checkSeries } from '../checks/index.ts';
import { APPLICANT_PART_COLUMN_IDS } from '../formats/common.ts';
import { FORMATS, formatForYear, type FormatId } from '../formats/index.ts';
import { getCell, type Report } from '../report.ts';
import { buildReport } from './build-report.ts';
import { classifyApplicationsForYear } from './classify-applications.ts';
import { lifeCycleDraft, lifeCycleState, summaryOf } from './test-life-cycles.ts';
import { REMEDY_GROUP_IDS, REMEDY_RESULT_IDS, type ProactiveValues, type RemedyCount } from './types.ts';

const calendar = loadCalendar();
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

const remedies = fc.array(
  fc.record({
    group: fc.constantFrom(...REMEDY_GROUP_IDS),
    result: fc.constantFrom(...REMEDY_RESULT_IDS),
    count: fc.integer({ min: 0, max: 4 }),
  }),
  { maxLength: 8 },
);

/** Table 二 values for every cell of the format; the 2019 上一年项目数量 carried forward with 本年增/减. */
function proactiveFor(format: FormatId, seed: number, lastYear?: ProactiveValues): ProactiveValues {
  let s = seed;
  const next = (max: number) => (s = (s * 1103515245 + 12345) % 2147483648) % (max + 1);
  const out: Record<string, Record<string, number>> = {};
  for (const row of FORMATS[format].tables.proactive.rows) {
    out[row.id] = {};
    for (const column of row.columns) {
      const before = (lastYear?.[row.id]?.lastYearCount ?? 0) + (lastYear?.[row.id]?.change ?? 0);
      out[row.id]![column] =
        column === 'lastYearCount' ? (lastYear ? before : next(50)) : column === 'amountWan' ? next(90_000) / 100 : next(40);
    }
    if (row.columns.includes('change')) out[row.id]!.change = next(20) - Math.min(10, out[row.id]!.lastYearCount ?? 0);
  }
  return out;
}

/** Table 三 counts through the applications domain's own mapping (reportRowsFor), by row and column. */
function expectedCounts(states: readonly ApplicationState[], year: number, format: FormatId): Map<string, number> {
  const out = new Map<string, number>();
  for (const state of states) {
    for (const row of reportRowsFor(state, year, format)) {
      const key = `${row}/${state.applicantType}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}

const errors = (findings: ReturnType<typeof checkReport>) => findings.filter((f) => f.severity === 'error');

describe('reports built from random application life cycles', () => {
  it('pass every check in every year, chain from year to year, and count what the applications domain counts', () => {
    let applications = 0;
    const rowsSeen = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(lifeCycleDraft, { minLength: 5, maxLength: 40 }),
        fc.array(remedies, { minLength: YEARS.length, maxLength: YEARS.length }),
        fc.nat(),
        (drafts, remedyYears, seed) => {
          const states = drafts.map((d) => lifeCycleState(d, calendar));
          const summaries = states.map(summaryOf);
          const reports: Report[] = [];
          let proactive: ProactiveValues | undefined;
          for (const [i, year] of YEARS.entries()) {
            const format = formatForYear(year);
            proactive = proactiveFor(format, seed + year, format === '2019' ? proactive : undefined);
            const report = buildReport({
              agency: '某县自然资源局',
              year,
              applications: classifyApplicationsForYear(summaries, year),
              remedies: remedyYears[i] as RemedyCount[],
              proactive,
            });
            expect(report.format).toBe(format);
            expect(report.notes).toEqual([]);
            expect(checkReport(report, { expectedYear: year })).toEqual([]);

            const expected = expectedCounts(states, year, format);
            for (const row of FORMATS[format].tables.applications.rows) {
              if (row.id === 'handledTotal') continue;
              for (const column of APPLICANT_PART_COLUMN_IDS) {
                const value = numericValue(getCell(report, 'applications', row.id, column));
                expect(value, `${year} ${row.id}/${column}`).toBe(expected.get(`${row.id}/${column}`) ?? 0);
                if (value) rowsSeen.add(row.id);
              }
            }
            reports.push(report);
          }
          applications += states.length;
          expect(errors(checkSeries(reports))).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
    // the generator does produce work: carried over year ends, replied, abandoned and withdrawn
    expect(applications).toBeGreaterThan(300);
    for (const row of ['received', 'carriedIn', 'carriedOut', 'disclosed', 'other', 'other.noSupplement', 'other.feeUnpaid', 'other.misc']) {
      expect(rowsSeen, row).toContain(row);
    }
  });

  it('hold their identities and chain in either format for any year (the format only folds （六）)', () => {
    fc.assert(
      fc.property(fc.array(lifeCycleDraft, { maxLength: 30 }), fc.constantFrom<FormatId>('2019', '2021'), (drafts, format) => {
        const summaries = drafts.map((d) => summaryOf(lifeCycleState(d, calendar)));
        const reports = YEARS.map((year) =>
          buildReport({ agency: '区财政局', year, format, applications: classifyApplicationsForYear(summaries, year) }),
        );
        for (const report of reports) {
          expect(errors(checkReport(report)).map((f) => f.code)).toEqual(['report.formatMismatch'].filter(() => format !== formatForYear(report.year!)));
        }
        expect(errors(checkSeries(reports))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
