import { describe, expect, it } from 'vitest';
import { change, num, type Cell } from '../domain/cell.ts';
import type { FormatId } from '../domain/formats/index.ts';
import { emptyReport, type Report } from '../domain/report.ts';
import { parseReportJson, renderReportJson, ReportJsonError, reportToJson } from './json.ts';
import { sampleReport } from './render-test-support.ts';

function withCell(report: Report, table: 'proactive' | 'applications' | 'remedies', row: string, column: string, cell: Cell): Report {
  const tables = structuredClone(report.tables) as Record<string, Record<string, Record<string, Cell>>>;
  tables[table]![row]![column] = cell;
  return { ...report, tables: tables as Report['tables'] };
}

function parseError(text: string): ReportJsonError {
  try {
    parseReportJson(text);
  } catch (error) {
    if (error instanceof ReportJsonError) return error;
    throw error;
  }
  throw new Error('parsed without error');
}

const validDoc = () => reportToJson(sampleReport('2021')) as unknown as Record<string, unknown>;

describe.each<FormatId>(['2019', '2021'])('gongkai JSON of a %s-format report', (format) => {
  it('round-trips to the same Report, blank, dash, text, 0, changes and money raw included', () => {
    const report = sampleReport(format, {
      title: '某市生态环境局年度报告',
      missingTables: [],
      notes: [
        { kind: 'guessed', message: '按位置读取', table: 'applications', row: 'received', column: 'total', source: '1700000017' },
        { kind: 'ignored', message: '页码' },
      ],
    });
    expect(parseReportJson(renderReportJson(report))).toStrictEqual(report);
  });

  it('round-trips an empty report and one with a missing table', () => {
    const empty = emptyReport(format);
    expect(parseReportJson(renderReportJson(empty))).toStrictEqual(empty);
    const missing = emptyReport(format, { agency: '县人民政府', year: 2022, missingTables: ['remedies'] });
    expect(parseReportJson(renderReportJson(missing))).toStrictEqual(missing);
  });
});

describe('gongkai JSON document shape', () => {
  const report = sampleReport('2019');
  const doc = reportToJson(report);

  it('names its schema and holds numbers by stable id, null for blank and dash, 0 kept as 0', () => {
    expect(doc.schema).toBe('gongkai.report/1');
    expect(doc.tables.applications['received']!['naturalPerson']).toEqual(expect.any(Number));
    expect(doc.tables.applications['received']!['business']).toBeNull();
    expect(doc.tables.applications['carriedIn']!['naturalPerson']).toBe(0);
    expect(doc.tables.applications['withheld.stateSecret']!['research']).toBeNull();
    expect(doc.tables.proactive['procurement']!['amountWan']).toBe(25.1);
  });

  it('writes the printed text only where the number does not say it', () => {
    expect(doc.cells?.applications?.['withheld.stateSecret']).toEqual({ research: '/' });
    expect(doc.cells?.applications?.['notHandled.repeat']).toEqual({ legalService: '见说明' });
    expect(doc.cells?.proactive?.['fees']).toEqual({ change: '增加 2 个' });
    expect(doc.cells?.proactive?.['procurement']).toEqual({ amountWan: '251000元' });
    expect(doc.cells?.applications?.['received']).toBeUndefined();
    expect(doc.cells?.proactive?.['licensing']).toBeUndefined();
  });

  it('keeps the kind explicit where the printed text alone would mislead', () => {
    let r = withCell(emptyReport('2019'), 'applications', 'received', 'total', { kind: 'text', raw: '无' });
    r = withCell(r, 'proactive', 'fees', 'change', num(3));
    r = withCell(r, 'applications', 'received', 'naturalPerson', change(4));
    const back = parseReportJson(renderReportJson(r));
    expect(back).toStrictEqual(r);
    expect(reportToJson(r).cells?.applications?.['received']).toEqual({
      total: { kind: 'text', raw: '无' },
      naturalPerson: { kind: 'change', raw: '+4' },
    });
  });

  it('reads a hand-written document whose cells are partly left out as blank', () => {
    const back = parseReportJson(
      JSON.stringify({
        schema: 'gongkai.report/1',
        agency: '县人民政府',
        year: 2022,
        format: '2021',
        title: null,
        sections: { overview: { heading: '一、总体情况', text: '概述。' } },
        tables: { proactive: {}, applications: { received: { naturalPerson: 3, total: 3 } }, remedies: {} },
        missingTables: [],
      }),
    );
    expect(back.tables.applications['received']).toMatchObject({ naturalPerson: num(3), total: num(3), business: { kind: 'blank' } });
    expect(back.tables.remedies['reconsideration']!['total']).toEqual({ kind: 'blank' });
    expect(back.notes).toEqual([]);
  });
});

describe('parseReportJson on malformed documents', () => {
  it('says when the text is not JSON', () => {
    expect(parseError('{"schema": ').message).toMatch(/^gongkai 报告 JSON 格式不正确：不是有效的 JSON/);
  });

  it('says when the document is not a gongkai report', () => {
    expect(parseError('[1,2]').message).toContain('顶层应为一个对象');
    expect(parseError('{"schema":"other/1"}').message).toContain('schema 应为 "gongkai.report/1"');
  });

  it('names the path of a cell of the wrong type', () => {
    const doc = validDoc();
    (doc.tables as Record<string, Record<string, Record<string, unknown>>>).applications!['withheld.thirdParty']!.total = '12';
    const error = parseError(JSON.stringify(doc));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatch(/^tables\.applications\["withheld\.thirdParty"\]\.total：.*期望 数字/);
  });

  it('refuses unknown keys, formats and table ids', () => {
    const doc = { ...validDoc(), extra: 1, format: '2020', missingTables: ['budget'] };
    const error = parseError(JSON.stringify(doc));
    expect(error.issues.some((i) => i.startsWith('format：'))).toBe(true);
    expect(error.issues.some((i) => i.startsWith('missingTables[0]：'))).toBe(true);
    expect(error.issues.some((i) => i.includes('"extra"'))).toBe(true);
  });

  it('refuses a row or column the format does not have', () => {
    const doc = validDoc();
    const tables = doc.tables as Record<string, Record<string, Record<string, unknown>>>;
    tables.applications!['other'] = { total: 1 }; // the 2019 row, not in a 2021 report
    tables.remedies!['reconsideration']!.appealed = 2;
    const error = parseError(JSON.stringify(doc));
    expect(error.issues).toEqual([
      'tables.applications：2021 格式的此表没有行 "other"',
      'tables.remedies["reconsideration"]：2021 格式的此行没有列 "appealed"',
    ]);
  });

  it('refuses printed text for a cell that tables does not hold, and a kind that contradicts the value', () => {
    const doc = validDoc();
    (doc.cells as Record<string, Record<string, Record<string, unknown>>>).remedies = {
      pending: { total: '/' },
      reconsideration: { total: { kind: 'dash', raw: '/' } },
    };
    const error = parseError(JSON.stringify(doc));
    expect(error.issues[0]).toBe('cells.remedies["pending"].total：tables 中没有这个单元格');
    expect(error.issues[1]).toMatch(/^tables\.remedies\["reconsideration"\]\.total：cells 中标为 dash/);
  });
});
