import { describe, expect, it } from 'vitest';
import { clusterValueColumns, columnOf, isValueWord, placeValues, stackHeader, tileColumns } from './columns.ts';
import type { TextLine, Word } from './lines.ts';

const word = (text: string, left: number, top: number, width = 10 * text.length): Word => ({ text, left, right: left + width, top, bottom: top + 10, page: 1 });
const line = (...words: Word[]): TextLine => ({ page: 1, top: words[0]!.top, bottom: words[0]!.bottom, words });

describe('stackHeader', () => {
  it('stacks header words split inside narrow columns and leaves out spanning headers', () => {
    const lines = [
      line(word('法人或其他组织', 290, 400, 60)),
      line(word('自然人', 256, 420), word('总计', 492, 420)),
      line(word('商业企', 290, 424), word('科研机', 328, 424), word('社会公益', 362, 424), word('法律服务', 407, 424)),
      line(word('其他', 454, 431)),
      line(word('业', 290, 439), word('构', 328, 439), word('组织', 362, 439), word('机构', 407, 439)),
    ];
    const stacks = stackHeader(lines, /法人或其他组织/);
    expect(stacks.map((s) => s.header)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  });

  it('leaves out a header lying over several columns even when its words are unknown (法人或其 / 他组织)', () => {
    const lines = [
      line(word('法人或其', 300, 400, 80)),
      line(word('他组织', 305, 410, 70)),
      line(word('商业企业', 290, 424, 30), word('科研机构', 330, 424, 30), word('其他', 370, 424, 20)),
    ];
    expect(stackHeader(lines, /^$/).map((s) => s.header)).toEqual(['商业企业', '科研机构', '其他']);
  });

  it('joins a header printed with a wide space (总 计) when the joined text is a known header', () => {
    const stacks = stackHeader([line(word('自然人', 100, 10), word('总', 200, 10), word('计', 220, 10))], /^$/, ['自然人', '总计']);
    expect(stacks.map((s) => s.header)).toEqual(['自然人', '总计']);
  });
});

describe('tileColumns and columnOf', () => {
  const columns = tileColumns([
    { header: 'a', left: 100, right: 120 },
    { header: 'b', left: 140, right: 160 },
    { header: 'c', left: 180, right: 200 },
  ]);

  it('puts boundaries in the middle of the gaps and lets the last column run to the edge', () => {
    expect(columns.map((c) => [c.left, c.right])).toEqual([
      [90, 130],
      [130, 170],
      [170, Number.POSITIVE_INFINITY],
    ]);
  });

  it('places a word by its centre, whatever its alignment in the cell', () => {
    expect(columnOf(columns, { left: 121, right: 128 })).toBe(0);
    expect(columnOf(columns, { left: 150, right: 168 })).toBe(1);
    expect(columnOf(columns, { left: 60, right: 70 })).toBeNull();
    expect(placeValues(columns, [word('7', 104, 0), word('3', 185, 0), word('1', 195, 0, 4)])).toEqual(['7', '', '31']);
  });
});

describe('isValueWord and clusterValueColumns', () => {
  it.each(['3001', '96171.6', '26158.97万元', '-8', '+1036', '增加2个', '/', '—', '无', '１２'])('takes %s for a value', (t) => {
    expect(isValueWord(t)).toBe(true);
  });

  it.each(['1.属于国家秘密', '自然人', '(一)予以公开'])('takes %s for a label', (t) => {
    expect(isValueWord(t)).toBe(false);
  });

  it('finds one column per x-position of the numbers', () => {
    const words = [word('1', 100, 0), word('22', 96, 20), word('3', 200, 0), word('44', 196, 20)];
    expect(clusterValueColumns(words).map((c) => [c.left, c.right])).toEqual([
      [96, 116],
      [196, 216],
    ]);
  });
});
