import { describe, expect, it } from 'vitest';
import type { TextLine } from './lines.ts';
import { isProactiveBlockHeading, readProactiveBlocks } from './proactive-table.ts';

const line = (top: number, ...words: [string, number][]): TextLine => ({
  page: 1,
  top,
  bottom: top + 8,
  words: words.map(([text, left]) => ({ text, left, right: left + 8 * [...text].length, top, bottom: top + 8, page: 1 })),
});

/** Table 二 of the 2019 format: headers wrapped in narrow columns, a signed change, an amount with its unit. */
const LINES = [
  line(100, ['第二十条第（五）项', 70]),
  line(115, ['信息内容', 70], ['上一年项', 200], ['本年增', 270], ['处理决定', 340]),
  line(125, ['目数量', 200], ['/减', 270], ['数量', 340]),
  line(140, ['行政许可', 70], ['120', 206], ['+3', 276], ['4087', 344]),
  line(155, ['其他对外管理服务', 70], ['31', 208], ['增加2个', 270], ['', 0]),
  line(163, ['事项', 70]),
  line(180, ['第二十条第（九）项', 70]),
  line(195, ['信息内容', 70], ['采购项目数量', 200], ['采购总金额', 300]),
  line(210, ['政府集中采购', 70], ['35', 220], ['26158.97 万元', 300]),
  line(240, ['三、收到和处理政府信息公开申请情况', 70]),
].map((l) => ({ ...l, words: l.words.filter((w) => w.text) }));

describe('readProactiveBlocks', () => {
  it('recognises a block heading printed with or without a space', () => {
    expect(isProactiveBlockHeading(LINES, 0)).toBe(true);
    expect(isProactiveBlockHeading([line(0, ['第二十条', 70], ['第（一）项', 120])], 0)).toBe(true);
    expect(isProactiveBlockHeading(LINES, 3)).toBe(false);
  });

  it('reads each block with its own columns, headers stacked, values placed under them, a wrapped label joined', () => {
    const read = readProactiveBlocks(LINES, 0, 0);
    expect(read.rows.map((r) => (r.kind === 'row' ? r.cells : r.text))).toEqual([
      ['第二十条第(五)项', '', '', ''],
      ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      ['行政许可', '120', '+3', '4087'],
      ['其他对外管理服务事项', '31', '增加2个', ''],
      ['第二十条第(九)项', '', ''],
      ['信息内容', '采购项目数量', '采购总金额'],
      ['政府集中采购', '35', '26158.97 万元'],
    ]);
    expect(read.end).toBe(9);
  });

  it('keeps a row printed with every value blank', () => {
    const lines = [
      line(100, ['第二十条第（六）项', 70]),
      line(115, ['信息内容', 70], ['本年处理决定数量', 200]),
      line(130, ['行政处罚', 70], ['12', 210]),
      line(145, ['行政强制', 70]),
    ];
    expect(readProactiveBlocks(lines, 0, 0).rows.slice(2).map((r) => (r.kind === 'row' ? r.cells : []))).toEqual([
      ['行政处罚', '12'],
      ['行政强制', ''],
    ]);
  });
});
