import { describe, expect, it } from 'vitest';
import { checkReport } from './check-report.ts';
import { blankReport, sections } from './test-reports.ts';

const codes = (fs: ReturnType<typeof checkReport>) => fs.map((f) => f.code);

describe('year and format (国办公开办函〔2019〕60号 for 2019-2020, 〔2021〕30号 from 2021)', () => {
  it.each([
    ['2019', 2019, []],
    ['2019', 2020, []],
    ['2021', 2021, []],
    ['2019', 2021, ['report.formatMismatch']],
    ['2021', 2020, ['report.formatMismatch']],
  ] as const)('tables in the %s format on a report for %d → %j', (format, year, expected) => {
    expect(codes(checkReport(blankReport(format, year)))).toEqual(expected);
  });

  it('the mismatch names both formats and the （六） row as printed', () => {
    const [f] = checkReport(blankReport('2019', 2022));
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('国办公开办函〔2021〕30号');
    expect(f?.message).toContain('“（六）其他处理”只有一行');
  });

  it('expectedYear: a differing report year is an error; a missing one is taken from it', () => {
    expect(codes(checkReport(blankReport('2021', 2021), { expectedYear: 2022 }))).toEqual(['report.yearMismatch']);
    expect(codes(checkReport(blankReport('2019', null), { expectedYear: 2022 }))).toEqual(['report.formatMismatch']);
    expect(codes(checkReport(blankReport('2021', null)))).toEqual(['report.yearUnknown']);
  });
});

describe('sections and tables (Art. 50)', () => {
  it('each missing section is a warning naming its heading', () => {
    const { problems: _p, other: _o, ...rest } = sections();
    const fs = checkReport({ ...blankReport('2021', 2022), sections: rest });
    expect(fs.map((f) => [f.code, f.severity, f.message])).toEqual([
      ['sections.missing', 'warning', '缺少“五、存在的主要问题及改进情况”部分'],
      ['sections.missing', 'warning', '缺少“六、其他需要报告的事项”部分'],
    ]);
  });

  it('no section at all is one warning, not six', () => {
    expect(codes(checkReport({ ...blankReport('2021', 2022), sections: {} }))).toEqual(['sections.missing']);
  });

  it('a missing table is a warning', () => {
    const fs = checkReport({ ...blankReport('2021', 2022), missingTables: ['proactive', 'remedies'] });
    expect(fs.map((f) => [f.code, f.severity])).toEqual([
      ['tables.missing', 'warning'],
      ['tables.missing', 'warning'],
    ]);
    expect(fs[0]?.message).toContain('二、主动公开政府信息情况');
  });

  it('a heading numbered differently from the format is a notice; reworded headings are fine', () => {
    const base = blankReport('2021', 2022);
    const renumbered = { ...base.sections, problems: { heading: '四、存在的主要问题及改进情况', text: '' } };
    expect(checkReport({ ...base, sections: renumbered }).map((f) => [f.code, f.severity])).toEqual([
      ['sections.headingMismatch', 'notice'],
    ]);
    const reworded = { ...base.sections, problems: { heading: '五、存在问题及改进情况', text: '' } };
    expect(checkReport({ ...base, sections: reworded })).toEqual([]);
  });
});
