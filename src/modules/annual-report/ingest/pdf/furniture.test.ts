import { describe, expect, it } from 'vitest';
import { dropFurniture, isPageNumber } from './furniture.ts';
import { lineText, type TextLine } from './lines.ts';

const line = (text: string, top: number, page = 1): TextLine => ({
  page,
  top,
  bottom: top + 10,
  words: text.split(' ').map((t, i) => ({ text: t, left: 80 + 60 * i, right: 120 + 60 * i, top, bottom: top + 10, page })),
});

describe('page furniture', () => {
  it.each(['-3-', '- 4 -', '—5—', '－ 12 －'])('takes %s anywhere on the page for a page number', (text) => {
    expect(isPageNumber(line(text, 400), 842)).toBe(true);
  });

  it.each(['7', '第 2 页', '3/6', '第2页 共6页'])('takes a plain %s for a page number only near the top or bottom edge', (text) => {
    expect(isPageNumber(line(text, 800), 842)).toBe(true);
    expect(isPageNumber(line(text, 400), 842)).toBe(false);
  });

  it('drops running headers repeated at the same edge of most pages, and keeps the body', () => {
    const pages = [1, 2, 3].map((p) => ({
      height: 842,
      lines: [line(`淮安市人民政府 2024年报告 ${p}`, 30, p), line(`正文第${p}页`, 400, p), line(`- ${p} -`, 800, p)],
    }));
    const { lines, dropped } = dropFurniture(pages);
    expect(lines.map(lineText)).toEqual(['正文第1页', '正文第2页', '正文第3页']);
    expect(dropped).toBe(6);
  });

  it('keeps the title of a one-page document even though it sits at the top edge', () => {
    const { lines } = dropFurniture([{ height: 842, lines: [line('某县政府信息公开年度报告', 30), line('正文', 400)] }]);
    expect(lines.map(lineText)).toEqual(['某县政府信息公开年度报告', '正文']);
  });
});
