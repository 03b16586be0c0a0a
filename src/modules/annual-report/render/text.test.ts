import { describe, expect, it } from 'vitest';
import { FORMATS, type FormatId } from '../domain/formats/index.ts';
import { renderReportText, tableLines } from './text.ts';
import { printed, sampleReport } from './render-test-support.ts';

describe.each<FormatId>(['2019', '2021'])('plain text of a %s-format report', (format) => {
  const report = sampleReport(format);
  const text = renderReportText(report);
  const lines = text.split('\n');

  it('starts with the title and prints the six headings in order, prose under its heading', () => {
    expect(lines[0]).toBe(`某市生态环境局${report.year}年政府信息公开工作年度报告`);
    const at = FORMATS[format].sections.map((s) => lines.indexOf(`${s.numeral}、${s.heading}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(lines.indexOf('主动公开信息 215 条。')).toBeGreaterThan(at[0]!);
    expect(lines.indexOf('主动公开信息 215 条。')).toBeLessThan(at[1]!);
  });

  it('prints every row of a table with the same number of tab-separated fields', () => {
    for (const table of ['proactive', 'applications', 'remedies'] as const) {
      const widths = new Set(tableLines(report, table).map((l) => l.split('\t').length));
      expect(widths.size).toBe(1);
    }
    expect(tableLines(report, 'applications')[0]!.split('\t')).toHaveLength(10);
    expect(tableLines(report, 'remedies')[0]!.split('\t')).toHaveLength(15);
  });

  it('puts the seven applicant values of each table 三 row in the last seven fields of the line with its label', () => {
    const rows = tableLines(report, 'applications');
    const def = FORMATS[format].tables.applications;
    for (const row of def.rows) {
      const line = rows.find((l) => l.split('\t').slice(0, 3).includes(row.marker + row.label));
      expect(line, row.id).toBeDefined();
      expect(line!.split('\t').slice(3)).toEqual(def.columns.map((c) => printed(report, 'applications', row.id, c.id)));
    }
  });

  it('prints table 四 as its headers and one line of 15 values', () => {
    const rows = tableLines(report, 'remedies');
    expect(rows[0]!.split('\t').filter(Boolean)).toEqual(['行政复议', '行政诉讼']);
    expect(rows[1]!.split('\t').filter(Boolean)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉']);
    const def = FORMATS[format].tables.remedies;
    expect(rows[3]!.split('\t')).toEqual(def.rows.flatMap((g) => def.columns.map((c) => printed(report, 'remedies', g.id, c.id))));
  });

  it('prints table 二 block by block with 信息内容 headers', () => {
    const rows = tableLines(report, 'proactive').map((l) => l.split('\t'));
    const blocks = FORMATS[format].tables.proactive.blocks;
    expect(rows.filter((r) => r[0]!.startsWith('第二十条')).map((r) => r[0])).toEqual(blocks.map((b) => b.label));
    expect(rows.filter((r) => r[0] === '信息内容')).toHaveLength(blocks.length);
    const rules = rows.find((r) => r[0] === '规章')!;
    const cols = blocks[0]!.columns;
    expect(rules.slice(1)).toEqual(cols.map((c) => printed(report, 'proactive', 'rules', c)));
  });

  it('keeps tabs and line breaks inside a text out of the fields', () => {
    const odd = sampleReport(format, { agency: '某\t局\n' });
    expect(renderReportText(odd).split('\n')[0]).toBe(`某 局 ${odd.year}年政府信息公开工作年度报告`);
  });
});
