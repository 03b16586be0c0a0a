import { describe, expect, it } from 'vitest';
import { UnreadableInput } from './document.ts';
import { expandGrid, tidyText, type SpanCell } from './table-grid.ts';

const c = (text: string, rowSpan?: number, colSpan?: number): SpanCell => ({ text, rowSpan, colSpan });

describe('expandGrid', () => {
  it('expands the table 三 header: 申请人情况 over three rows and two columns, 法人或其他组织 over five', () => {
    const grid = expandGrid([
      [c('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 2), c('申请人情况', 1, 7)],
      [c('自然人', 2), c('法人或其他组织', 1, 5), c('总计', 2)],
      [c('商业企业'), c('科研机构'), c('社会公益组织'), c('法律服务机构'), c('其他')],
    ]);
    expect(grid).toEqual([
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '申请人情况', '', '', '', '', '', ''],
      ['', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
      ['', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
    ]);
  });

  it('puts the values of rows under a rowspan label in the same columns as the label row', () => {
    const grid = expandGrid([
      [c('三、本年度办理结果', 3), c('（一）予以公开', 1, 2), c('5'), c('5')],
      [c('（三）不予公开', 2), c('1.属于国家秘密'), c('0'), c('0')],
      [c('2.其他法律行政法规禁止公开'), c('1'), c('1')],
    ]);
    expect(grid).toEqual([
      ['三、本年度办理结果', '（一）予以公开', '', '5', '5'],
      ['', '（三）不予公开', '1.属于国家秘密', '0', '0'],
      ['', '', '2.其他法律行政法规禁止公开', '1', '1'],
    ]);
  });

  it('pads short rows so every row of one table has the same width', () => {
    expect(expandGrid([[c('a'), c('b'), c('c')], [c('d')]])).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
    ]);
  });

  it('clips a rowspan that runs past the last row, and reads rowspan=0 as "to the end"', () => {
    expect(expandGrid([[c('a', 9), c('b')], [c('c')]])).toEqual([
      ['a', 'b'],
      ['', 'c'],
    ]);
    expect(expandGrid([[c('a', 0), c('b')], [c('c')], [c('d')]])).toEqual([
      ['a', 'b'],
      ['', 'c'],
      ['', 'd'],
    ]);
  });

  it('treats negative, fractional and absurd spans like browsers do', () => {
    expect(expandGrid([[c('a', -3, 2.7), c('b', 1, -1)]])).toEqual([['a', '', 'b']]);
  });

  it('refuses a span bomb in bounded time', () => {
    const rows = Array.from({ length: 2000 }, () => [c('x', 1, 1000)]);
    const started = Date.now();
    expect(() => expandGrid(rows)).toThrow(UnreadableInput);
    expect(Date.now() - started).toBeLessThan(2000);
    try {
      expandGrid([[c('x', 1, 600), c('y', 1, 600)]]);
      expect.unreachable();
    } catch (error) {
      expect((error as UnreadableInput).code).toBe('unreadable.tooLarge');
    }
  });

  it('expands a plain table of 100,000 cells quickly', () => {
    const rows = Array.from({ length: 10_000 }, (_, r) => Array.from({ length: 10 }, (_, k) => c(String(r * 10 + k))));
    const started = Date.now();
    const grid = expandGrid(rows);
    expect(grid).toHaveLength(10_000);
    expect(grid[9999]?.[9]).toBe('99999');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('tidyText', () => {
  it('drops layout whitespace between CJK characters but keeps it elsewhere', () => {
    expect(tidyText('本年新收政府信息公开\r\n      申请数量')).toBe('本年新收政府信息公开申请数量');
    expect(tidyText('总 \u3000计')).toBe('总计');
    expect(tidyText('\u00a0（三）\u00a0不予公开\n')).toBe('（三）不予公开');
    expect(tidyText('2021 年 12 月')).toBe('2021 年 12 月');
    expect(tidyText('26158.97 万元')).toBe('26158.97 万元');
  });

  it('reads a cell of only &nbsp; or spaces as blank', () => {
    expect(tidyText('\u00a0')).toBe('');
    expect(tidyText(' ')).toBe('');
    expect(tidyText('\u200b')).toBe('');
  });
});
