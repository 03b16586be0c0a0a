import { describe, expect, it } from 'vitest';
import type { Line } from '../document.ts';
import type { TextLine } from './lines.ts';
import { isRemediesHeader, readRemediesTable } from './remedies-table.ts';

/** A line of words at the given x positions, 8pt high, each character 8pt wide. */
const line = (top: number, ...words: [string, number][]): TextLine => ({
  page: 1,
  top,
  bottom: top + 8,
  words: words.map(([text, left]) => ({ text, left, right: left + 8 * [...text].length, top, bottom: top + 8, page: 1 })),
});

const x = (i: number) => 70 + 30 * i;
const RESULTS = ['结果', '结果', '其他', '尚未', '总计'];
const SECOND = ['维持', '纠正', '结果', '审结', ''];

/** Table 四 with its three-level header, 结果 / 维持 stacked in narrow cells, the numbers far below. */
function table(values: (string | null)[]): TextLine[] {
  return [
    line(100, ['四、政府信息公开行政复议、行政诉讼情况', 70]),
    line(120, ['行政复议', x(1)], ['行政诉讼', x(9)]),
    line(135, ['未经复议直接起诉', x(6)], ['复议后起诉', x(11)]),
    line(150, ...RESULTS.map((t, i): [string, number] => [t, x(i)]), ...[...RESULTS, ...RESULTS].map((t, i): [string, number] => [t, x(5 + i)])),
    line(160, ...[...SECOND, ...SECOND, ...SECOND].flatMap((t, i): [string, number][] => (t ? [[t, x(i)]] : []))),
    line(230, ...values.flatMap((v, i): [string, number][] => (v === null ? [] : [[v, x(i) + 2]]))),
    line(260, ['五、存在的主要问题及改进情况', 70]),
  ];
}

const rows = (out: Line[]) => out.map((l) => (l.kind === 'row' ? l.cells : l.text));

describe('readRemediesTable', () => {
  it('finds the header at the 行政复议 cell, not at the section heading', () => {
    const lines = table(Array.from({ length: 15 }, (_, i) => String(i)));
    expect(isRemediesHeader(lines, 0)).toBe(false);
    expect(isRemediesHeader(lines, 1)).toBe(true);
  });

  it('places 15 numbers printed far below the header under their columns', () => {
    const lines = table(Array.from({ length: 15 }, (_, i) => String(10 + i)));
    const read = readRemediesTable(lines, 1, 2);
    expect(rows(read.rows)).toEqual([
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      Array.from({ length: 15 }, (_, i) => String(10 + i)),
    ]);
    expect(read.end).toBe(6);
    expect(read.rows.every((r) => r.kind === 'row' && r.aligned && r.tableIndex === 2)).toBe(true);
  });

  it('keeps blank cells blank in their columns', () => {
    const values = Array.from({ length: 15 }, (_, i) => (i % 5 === 4 ? String(i) : null));
    const read = readRemediesTable(table(values), 1, 0);
    expect(rows(read.rows).at(-1)).toEqual(['', '', '', '', '4', '', '', '', '', '9', '', '', '', '', '14']);
  });
});
