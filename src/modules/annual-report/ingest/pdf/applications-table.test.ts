import { describe, expect, it } from 'vitest';
import { isApplicationsHeader, readApplicationsTable } from './applications-table.ts';
import type { TextLine } from './lines.ts';

const line = (top: number, page: number, ...words: [string, number][]): TextLine => ({
  page,
  top,
  bottom: top + 8,
  words: words.map(([text, left]) => ({ text, left, right: left + 8 * [...text].length, top, bottom: top + 8, page })),
});

const COLUMNS = [260, 300, 340, 380, 420, 460, 500];
const header = (top: number, page = 1) => [
  line(top, page, ['申请人情况', 360]),
  line(top + 12, page, ['（本列数据的勾稽关系为：第一项加第二项之和，', 70], ['法人或其他组织', 300]),
  line(top + 24, page, ['自然人', 256], ['商业企业', 296], ['科研机构', 336], ['社会公益', 376], ['法律服务', 416], ['其他', 460], ['总计', 496]),
  line(top + 34, page, ['组织', 380], ['机构', 420]),
];
const row = (top: number, page: number, label: string, values: (string | null)[]) =>
  line(top, page, [label, 70], ...values.flatMap((v, i): [string, number][] => (v === null ? [] : [[v, (COLUMNS[i] ?? 0) + 2]])));

describe('readApplicationsTable', () => {
  it('keeps the columns of a table whose organisation columns are all blank (only 自然人 and 总计 filled)', () => {
    const lines = [
      ...header(100),
      row(150, 1, '一、本年新收政府信息公开申请数量', ['17', null, null, null, null, null, '17']),
      row(165, 1, '二、上年结转政府信息公开申请数量', ['2', null, null, null, null, null, '2']),
      line(190, 1, ['五、存在的主要问题及改进情况', 70]),
    ];
    expect(isApplicationsHeader(lines, 2)).toBe(true);
    const read = readApplicationsTable(lines, 2, 1);
    expect(read.rows.map((r) => (r.kind === 'row' ? r.cells : []))).toEqual([
      ['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
      ['一、本年新收政府信息公开申请数量', '17', '', '', '', '', '', '17'],
      ['二、上年结转政府信息公开申请数量', '2', '', '', '', '', '', '2'],
    ]);
    expect(read.start).toBe(0);
    expect(read.end).toBe(6);
  });

  it('skips the header repeated at the top of the next page', () => {
    const lines = [
      ...header(100),
      row(150, 1, '一、本年新收政府信息公开申请数量', ['1', '2', '3', '4', '5', '6', '21']),
      ...header(60, 2),
      row(110, 2, '二、上年结转政府信息公开申请数量', ['0', '0', '0', '0', '0', '0', '0']),
    ];
    const read = readApplicationsTable(lines, 2, 1);
    expect(read.rows.slice(1).map((r) => (r.kind === 'row' ? r.cells : []))).toEqual([
      ['一、本年新收政府信息公开申请数量', '1', '2', '3', '4', '5', '6', '21'],
      ['二、上年结转政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '0'],
    ]);
  });

  it('falls back to the x-positions of the numbers when the header cannot be split into 7 columns, and notes it', () => {
    const lines = [
      line(100, 1, ['自然人', 256], ['法人或其他组织各类', 300], ['总计', 496]),
      row(150, 1, '一、本年新收政府信息公开申请数量', ['1', '2', '3', '4', '5', '6', '21']),
      row(165, 1, '二、上年结转政府信息公开申请数量', ['0', null, '0', '0', '0', '0', '0']),
    ];
    const read = readApplicationsTable(lines, 0, 1);
    expect(read.rows.slice(1).map((r) => (r.kind === 'row' ? r.cells.slice(-7) : []))).toEqual([
      ['1', '2', '3', '4', '5', '6', '21'],
      ['0', '', '0', '0', '0', '0', '0'],
    ]);
    expect(read.notes[0]).toMatchObject({ kind: 'guessed', table: 'applications' });
  });

  it('gives the values in printed order, not aligned, when neither header nor numbers show 7 columns', () => {
    const lines = [line(100, 1, ['自然人', 256], ['总计', 496]), row(150, 1, '一、本年新收政府信息公开申请数量', ['17', null, null, null, null, null, '17'])];
    const read = readApplicationsTable(lines, 0, 1);
    const last = read.rows.at(-1);
    expect(last?.kind === 'row' && last.aligned).toBe(false);
    expect(last?.kind === 'row' && last.cells).toEqual(['一、本年新收政府信息公开申请数量', '17', '17']);
    expect(read.notes[0]).toMatchObject({ kind: 'unreadable' });
  });

  it('does not take prose that mentions 自然人 and 总计 for the header', () => {
    const prose = [line(100, 1, ['自然人申请占全年申请的大多数，', 70]), line(112, 1, ['总计办理 3050 件。', 70])];
    expect(isApplicationsHeader(prose, 0)).toBe(false);
  });
});
