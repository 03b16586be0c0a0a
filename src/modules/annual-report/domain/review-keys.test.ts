import { describe, expect, it } from 'vitest';
import { buildValidReport, withFault } from '../../../../test/factories/report-factory.ts';
import { BLANK, num } from './cell.ts';
import type { Finding } from './finding.ts';
import { findingKey, REPORT_KEY_PATTERN, reportKey, reportKeySource } from './review-keys.ts';
import type { Report } from './report.ts';

function withCell(report: Report, row: string, column: string, cell: Report['tables']['applications'][string][string]): Report {
  const apps = report.tables.applications;
  return { ...report, tables: { ...report.tables, applications: { ...apps, [row]: { ...apps[row], [column]: cell } } } };
}

const finding = (over: Partial<Finding>): Finding => ({
  code: 'applications.suspectCell',
  severity: 'error',
  cells: [],
  expected: null,
  found: null,
  message: '某格有误',
  messageEn: 'a cell is wrong',
  ...over,
});

describe('reportKey', () => {
  const report = buildValidReport(11, '2021');

  it('is a sha256 in hex, the same for the same report', () => {
    expect(reportKey(report)).toMatch(REPORT_KEY_PATTERN);
    expect(reportKey(structuredClone(report))).toBe(reportKey(report));
  });

  it('ignores how a number was printed, the prose, the title and the extraction notes', () => {
    const cell = report.tables.applications['received']!['naturalPerson']!;
    const value = cell.kind === 'number' ? cell.value : 0;
    const reprinted = withCell(report, 'received', 'naturalPerson', num(value, `${value}件`));
    expect(reportKey(reprinted)).toBe(reportKey(report));
    const reworded = { ...report, title: '另一标题', sections: {}, notes: [{ kind: 'guessed' as const, message: 'x' }], agency: ` ${report.agency} ` };
    expect(reportKey(reworded)).toBe(reportKey(report));
  });

  it('changes with any cell, a blank becoming 0, the year, the agency or a missing table', () => {
    const base = reportKey(report);
    const faulty = withFault(report, 'offByOneCell', 3);
    expect(reportKey(faulty)).not.toBe(base);
    const blank = withCell(report, 'received', 'otherOrg', BLANK);
    const zero = withCell(report, 'received', 'otherOrg', num(0));
    expect(reportKey(blank)).not.toBe(reportKey(zero));
    expect(reportKey({ ...report, year: (report.year ?? 2021) + 1 })).not.toBe(base);
    expect(reportKey({ ...report, agency: '另一机关' })).not.toBe(base);
    expect(reportKey({ ...report, missingTables: ['remedies'] })).not.toBe(base);
  });

  it('hashes a canonical text that names its version, the agency, year and format', () => {
    const source = reportKeySource(report);
    expect(source.startsWith(`["gongkai.report-key/1","${report.agency}",${report.year},"2021",[]`)).toBe(true);
  });
});

describe('findingKey', () => {
  it('is the code, the sorted cell ids and the expected and found values', () => {
    const f = finding({
      code: 'applications.blankTotalRow',
      cells: [
        { table: 'applications', row: 'handledTotal', column: 'total' },
        { table: 'applications', row: 'handledTotal', column: 'naturalPerson' },
      ],
      expected: 17,
      found: null,
    });
    expect(findingKey(f)).toBe('applications.blankTotalRow|applications.handledTotal.naturalPerson,applications.handledTotal.total|[17,null]');
    expect(findingKey({ ...f, cells: [...f.cells].reverse(), message: '另一种说法' })).toBe(findingKey(f));
  });

  it('tells apart two findings of one code without cells by their detail, text compared like labels', () => {
    const a = finding({ code: 'sections.missing', expected: '三、收到和处理政府信息公开申请情况' });
    const b = finding({ code: 'sections.missing', expected: '五、存在的主要问题及改进情况' });
    expect(findingKey(a)).not.toBe(findingKey(b));
    expect(findingKey({ ...a, expected: '三、 收到和处理政府信息公开申请情况' })).toBe(findingKey(a));
  });
});
