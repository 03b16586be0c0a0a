import { describe, expect, it } from 'vitest';
import { buildLines, lineText } from './lines.ts';
import type { PdfChar, PdfPage } from './pdfium.ts';

/** A character of a 10pt font whose line box starts at `top`. */
function char(ch: string, left: number, top: number, spaceAfter = false, width = 10): PdfChar {
  return { ch, left, right: left + width, top, bottom: top + 10, spaceAfter };
}

const page = (chars: PdfChar[]): PdfPage => ({ number: 1, width: 595, height: 842, chars });
const text = (s: string, left: number, top: number) => [...s].map((ch, i) => char(ch, left + 10 * i, top));

describe('buildLines', () => {
  it('keeps characters whose baselines jitter by a point on one line, and parts lines a line apart', () => {
    const lines = buildLines(page([char('自', 100, 200), char('然', 110, 201), char('人', 120, 199.5), ...text('总计', 100, 214)]));
    expect(lines.map(lineText)).toEqual(['自然人', '总计']);
  });

  it('orders a line by x whatever the order the characters were drawn in', () => {
    expect(lineText(buildLines(page([char('公', 120, 50), char('予', 100, 50), char('以', 110, 50)]))[0]!)).toBe('予以公');
  });

  it('ends a word at a gap wider than a character, not at a narrow one', () => {
    const [line] = buildLines(page([...text('规章', 80, 100), char('1', 250, 100, false, 5), char('1', 255, 100, false, 5), char('0', 330, 100, false, 5)]));
    expect(line?.words.map((w) => w.text)).toEqual(['规章', '11', '0']);
    expect(line?.words[1]).toMatchObject({ left: 250, right: 260 });
  });

  it('keeps a space printed inside a word, and drops whitespace characters', () => {
    const chars = [char('总', 100, 80, true), char(' ', 110, 80), char('计', 113, 80)];
    expect(buildLines(page(chars))[0]?.words.map((w) => w.text)).toEqual(['总 计']);
  });

  it('reads CJK radicals printed by browsers as the ideographs (U+2F08 人, U+2EA0 民) and full-width digits as ASCII', () => {
    const chars = [char('\u2f08', 100, 50), char('\u2ea0', 110, 50), char('３', 120, 50)];
    expect(lineText(buildLines(page(chars))[0]!)).toBe('人民3');
  });

  it('returns no lines for a page without text', () => {
    expect(buildLines(page([]))).toEqual([]);
  });
});
