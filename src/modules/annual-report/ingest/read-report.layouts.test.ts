import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../domain/formats/index.ts';
import { readReport } from './read-report.ts';
import { values } from './read-report.test-support.ts';
import { extractText } from './text.ts';

const HUAIAN = fileURLToPath(new URL('../../../../../shared/fixtures/real/huaian-city-2024.pdf', import.meta.url));

// poppler's pdftotext is installed by scripts/ensure-system-deps.sh: missing, this fails rather than skips.
describe('readReport on a real report (huaian-city-2024.pdf through pdftotext -layout)', () => {
  it('reads table 三 as the fixture README gives it', () => {
    const text = execFileSync('pdftotext', ['-layout', HUAIAN, '-'], { encoding: 'utf8' });
    const report = readReport(extractText(text));
    expect(report.format).toBe('2021');
    expect(report.year).toBe(2024);
    expect(report.agency).toBe('淮安市人民政府');
    const expected: Record<string, number[]> = {
      received: [3001, 53, 0, 0, 61, 4, 3119],
      carriedIn: [34, 0, 0, 0, 0, 0, 34],
      disclosed: [1288, 21, 0, 0, 50, 3, 1362],
      partlyDisclosed: [447, 7, 0, 0, 0, 0, 454],
      'unavailable.notHeld': [746, 12, 0, 0, 10, 1, 769],
      'other.noSupplement': [67, 3, 0, 0, 1, 0, 71],
      'other.feeUnpaid': [6, 0, 0, 0, 0, 0, 6],
      'other.misc': [108, 2, 0, 0, 0, 0, 110],
      handledTotal: [2932, 53, 0, 0, 61, 4, 3050],
      carriedOut: [103, 0, 0, 0, 0, 0, 103],
    };
    for (const [row, v] of Object.entries(expected)) expect({ row, v: values(report, 'applications', row) }).toEqual({ row, v });
    const totals = (rows: string[]) => rows.map((row) => values(report, 'applications', row)[6]);
    expect(totals(FORMATS['2021'].tables.applications.rows.filter((r) => r.group === 'withheld').map((r) => r.id))).toEqual([2, 31, 5, 6, 8, 12, 9, 105]);
    expect(totals(['unavailable.needsCompiling', 'unavailable.unclearAfterSupplement'])).toEqual([11, 1]);
    expect(totals(FORMATS['2021'].tables.applications.rows.filter((r) => r.group === 'notHandled').map((r) => r.id))).toEqual([62, 25, 0, 0, 1]);
  });
});

describe('readReport on layouts fixed by the corpus', () => {
  it('reads table 四 printed transposed (a result per row, a group per column) and says so', () => {
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '\t行政复议\t复议后起诉\t未经复议直接起诉',
      '结果维持\t3\t0\t1',
      '结果纠正\t1\t2\t0',
      '其他结果\t0\t0\t0',
      '尚未审结\t0\t0\t4',
      '总计\t4\t2\t5',
    ].join('\n');
    const report = readReport(extractText(text));
    expect(values(report, 'remedies', 'reconsideration')).toEqual([3, 1, 0, 0, 4]);
    expect(values(report, 'remedies', 'litigationDirect')).toEqual([1, 0, 0, 4, 5]);
    expect(values(report, 'remedies', 'litigationAfterReconsideration')).toEqual([0, 2, 0, 0, 2]);
    expect(report.notes.some((n) => n.kind === 'guessed' && /横竖颠倒/.test(n.message))).toBe(true);
  });

  it('keeps a 2021 table 二 out of 2019 columns that mean something else when table 三 is in the 2019 format', () => {
    const text = [
      '二、主动公开政府信息情况',
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '行政规范性文件\t3\t1\t25',
      '信息内容\t本年处理决定数量',
      '行政许可\t125',
      '信息内容\t本年收费金额（单位：万元）',
      '行政事业性收费\t12.5',
      '三、收到和处理政府信息公开申请情况',
      '（六）其他处理\t1\t0\t0\t0\t0\t0\t1',
    ].join('\n');
    const report = readReport(extractText(text));
    expect(report.format).toBe('2019');
    expect(values(report, 'proactive', 'licensing')).toEqual(['blank', 'blank', 125]);
    expect(values(report, 'proactive', 'normativeDocs')).toEqual(['blank', 'blank', 'blank']);
    expect(values(report, 'proactive', 'fees')).toEqual(['blank', 'blank']);
    const note = report.notes.find((n) => n.kind === 'unreadable' && n.table === 'proactive');
    expect(note?.message).toMatch(/表二按 2021 年格式印制.*行政事业性收费“本年收费金额（单位：万元）”12\.5/);
  });

  it('gives a row filled by position back to a later line that names it', () => {
    const text = ['三、收到和处理政府信息公开申请情况', '（六）其他处理\t0\t0\t0\t0\t0\t0\t0', '\t9\t0\t0\t0\t0\t0\t9', '（七）总计\t5\t0\t0\t0\t0\t0\t5'].join('\n');
    const report = readReport(extractText(text));
    expect(values(report, 'applications', 'handledTotal')).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(report.notes.some((n) => n.kind === 'ignored' && n.row === 'handledTotal' && /按位置归入/.test(n.message))).toBe(true);
  });
});
