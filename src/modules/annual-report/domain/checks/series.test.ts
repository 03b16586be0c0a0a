import { describe, expect, it } from 'vitest';
import { checkSeries } from './series.ts';
import { blankReport, naturalPersonOnly, withCells } from './test-reports.ts';

const apps = (format: '2019' | '2021', year: number, rows: Record<string, number | null>) =>
  withCells(blankReport(format, year), 'applications', naturalPersonOnly(rows));

describe('cross-year checks (domain §4)', () => {
  it('二 this year = 四 last year holds across the 2020→2021 change of format: no finding', () => {
    expect(checkSeries([apps('2019', 2020, { carriedOut: 3 }), apps('2021', 2021, { carriedIn: 3 })])).toEqual([]);
  });

  it('a differing carry-over is one error listing the columns and naming both years', () => {
    const fs = checkSeries([apps('2021', 2022, { carriedIn: 2 }), apps('2021', 2021, { carriedOut: 3 })]);
    expect(fs.map((f) => [f.code, f.severity, f.cells.map((c) => c.column)])).toEqual([
      ['series.carriedIn', 'error', ['naturalPerson', 'total']],
    ]);
    expect(fs[0]?.message).toContain('2022年为2');
    expect(fs[0]?.message).toContain('2021年为3');
  });

  it('years that are not consecutive are not compared', () => {
    expect(checkSeries([apps('2021', 2021, { carriedOut: 3 }), apps('2021', 2023, {})])).toEqual([]);
  });

  it('2019 format: 上一年项目数量 + 本年增/减 carries into 2020 only', () => {
    const y2019 = withCells(blankReport('2019', 2019), 'proactive', { fees: { lastYearCount: 16, change: '增加 2 个' } });
    const ok = withCells(blankReport('2019', 2020), 'proactive', { fees: { lastYearCount: 18, change: 0 } });
    expect(checkSeries([y2019, ok])).toEqual([]);
    const off = withCells(ok, 'proactive', { fees: { lastYearCount: 16 } });
    const fs = checkSeries([y2019, off]);
    expect(fs.map((f) => [f.code, f.expected, f.found])).toEqual([['series.lastYearCount', 18, 16]]);
    expect(fs[0]?.message).toContain('行政事业性收费');
  });

  it('2021 format: 现行有效件数 carried forward is a warning at most', () => {
    const last = withCells(blankReport('2021', 2022), 'proactive', { normativeDocs: { issued: 5, repealed: 1, inForce: 60 } });
    const cur = withCells(blankReport('2021', 2023), 'proactive', { normativeDocs: { issued: 8, repealed: 2, inForce: 66 } });
    expect(checkSeries([last, cur])).toEqual([]);
    const off = withCells(cur, 'proactive', { normativeDocs: { inForce: 70 } });
    expect(checkSeries([last, off]).map((f) => [f.code, f.severity, f.expected, f.found])).toEqual([
      ['series.inForce', 'warning', 66, 70],
    ]);
  });

  it('two reports on one year and reports without a year are said, not compared', () => {
    const codes = checkSeries([apps('2021', 2022, {}), apps('2021', 2022, { carriedIn: 9 }), blankReport('2021', null)]).map(
      (f) => f.code,
    );
    expect(codes).toEqual(['series.duplicateYear', 'series.yearUnknown']);
  });
});
