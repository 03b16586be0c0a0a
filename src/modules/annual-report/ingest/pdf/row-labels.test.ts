import { describe, expect, it } from 'vitest';
import { labelRows, type DataRow, type LabelItem } from './row-labels.ts';

/** Flow coordinates with a 10pt line: a row's values line is [top, top + 10]. */
const values = (top: number, v = 'x'): DataRow => ({ top, bottom: top + 10, values: [v, v] });
const item = (column: number, text: string, top: number, row: number | null = null): LabelItem => ({ column, text, top, bottom: top + 8, row });

describe('labelRows', () => {
  it('assembles a group label printed one character per line into the first row of its span', () => {
    const data = [values(0), values(20), values(40), values(60), values(80)];
    const items = [
      item(0, '一、本年新收', 0, 0),
      item(1, '(一)予以公开', 20, 1),
      item(0, '三', 21, 1),
      item(0, '、', 31),
      item(2, '1.属于国家秘密', 40, 2),
      item(0, '本', 41, 2),
      item(0, '年', 51),
      item(2, '2.其他法律', 60, 3),
      item(1, '(三)不予公开', 50),
      item(0, '度', 61, 3),
      item(0, '四、结转', 80, 4),
    ];
    const rows = labelRows(items, data, 3, 10);
    expect(rows.map((r) => r.labels)).toEqual([
      ['一、本年新收', '', ''],
      ['三、本年度', '(一)予以公开', ''],
      ['', '(三)不予公开', '1.属于国家秘密'],
      ['', '', '2.其他法律'],
      ['四、结转', '', ''],
    ]);
  });

  it('starts a new group where the numbering starts again at 1., even with no row between', () => {
    const data = [values(0), values(20), values(40), values(60)];
    const items = [
      item(2, '1.a', 0, 0),
      item(1, '(三)不予公开', 10),
      item(2, '2.b', 20, 1),
      item(2, '1.c', 40, 2),
      item(1, '(四)无', 45),
      item(2, '2.d', 60, 3),
      item(1, '法提供', 60, 3),
    ];
    expect(labelRows(items, data, 3, 10).map((r) => r.labels[1])).toEqual(['(三)不予公开', '', '(四)无法提供', '']);
  });

  it('keeps a label wrapped above and below its values line whole', () => {
    const data = [values(0), { top: 29, bottom: 39, values: ['447', '454'] }, values(60)];
    const items = [item(1, '(一)予以公开', 0, 0), item(1, '(二)部分公开(区分处理的,只计这一情', 20), item(1, '形,不计其他情形)', 35), item(1, '(七)总计', 60, 2)];
    expect(labelRows(items, data, 2, 10).map((r) => r.labels[1])).toEqual(['(一)予以公开', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '(七)总计']);
  });

  it('gives a label to the values printed on a line of their own below it', () => {
    const data = [values(0), values(44)];
    const items = [item(2, '4.无正当理由大量反复申请', 0, 0), item(2, '5.要求行政机关确认或重新出', 20), item(2, '具已获取信息', 31)];
    expect(labelRows(items, data, 3, 10).map((r) => r.labels[2])).toEqual(['4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息']);
  });

  it('keeps a row printed with every value blank as a blank row', () => {
    const data = [values(0, '25'), values(40, '0')];
    const items = [item(2, '2.重复申请', 0, 0), item(2, '3.要求提供公开出版物', 20), item(2, '4.无正当理由大量反复申请', 40, 1)];
    const rows = labelRows(items, data, 3, 10);
    expect(rows.map((r) => [r.labels[2], r.values, r.blank])).toEqual([
      ['2.重复申请', ['25', '25'], false],
      ['3.要求提供公开出版物', ['', ''], true],
      ['4.无正当理由大量反复申请', ['0', '0'], false],
    ]);
  });

  it('keeps a blank first row of a group apart from the row above and from the group label', () => {
    const data = [values(0), values(40), values(60)];
    const items = [
      item(1, '(二)部分公开', 0, 0),
      item(2, '1.属于国家秘密', 20),
      item(1, '(三)不予公开', 40, 1),
      item(2, '2.其他法律', 40, 1),
      item(2, '3.危及', 60, 2),
    ];
    const rows = labelRows(items, data, 3, 10);
    expect(rows.map((r) => [r.labels, r.blank])).toEqual([
      [['', '(二)部分公开', ''], false],
      [['', '(三)不予公开', '1.属于国家秘密'], true],
      [['', '', '2.其他法律'], false],
      [['', '', '3.危及'], false],
    ]);
  });

  it('keeps a blank row of the upper level (（二） with no value) out of the next group', () => {
    const data = [values(0), values(40), values(60)];
    const items = [item(1, '(一)予以公开', 0, 0), item(1, '(二)部分公开', 20), item(2, '1.属于国家秘密', 40, 1), item(1, '(三)不予公开', 50), item(2, '2.其他法律', 60, 2)];
    const rows = labelRows(items, data, 3, 10);
    expect(rows.map((r) => r.labels)).toEqual([
      ['', '(一)予以公开', ''],
      ['', '(二)部分公开', ''],
      ['', '(三)不予公开', '1.属于国家秘密'],
      ['', '', '2.其他法律'],
    ]);
  });
});
