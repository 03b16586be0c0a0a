import { normaliseLabel } from '../../domain/labels.ts';
import { lineText, type TextLine } from './lines.ts';

/** Share of the page height at the top and bottom where running headers, footers and page numbers sit. */
const MARGIN = 0.1;

const DASHED_NUMBER = /^[-—–－~]+\d{1,4}[-—–－~]+$/;
const PLAIN_NUMBER = /^(第?\d{1,4}页?|\d{1,4}\/\d{1,4}|第\d{1,4}页,?共\d{1,4}页|共\d{1,4}页,?第\d{1,4}页)$/;

/** A page number: -3-, - 4 -, 第 5 页, 5/6 (the plain forms only near the top or bottom edge of the page). */
export function isPageNumber(line: TextLine, pageHeight: number): boolean {
  const text = normaliseLabel(lineText(line));
  if (DASHED_NUMBER.test(text)) return true;
  const nearEdge = line.bottom < pageHeight * MARGIN || line.top > pageHeight * (1 - MARGIN);
  return nearEdge && PLAIN_NUMBER.test(text);
}

/**
 * Lines of every page with the page furniture removed: page numbers, and running headers and footers (the same
 * text, digits aside, near the same edge of at least half the pages, when there are two or more pages).
 */
export function dropFurniture(pages: readonly { lines: readonly TextLine[]; height: number }[]): { lines: TextLine[]; dropped: number } {
  const key = (line: TextLine, height: number) => {
    const edge = line.bottom < height * MARGIN ? 'top' : line.top > height * (1 - MARGIN) ? 'bottom' : null;
    return edge ? `${edge}:${normaliseLabel(lineText(line)).replace(/\d+/g, '#')}` : null;
  };
  const seen = new Map<string, number>();
  for (const p of pages) {
    const keys = new Set(p.lines.map((l) => key(l, p.height)).filter((k): k is string => k !== null));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const running = (k: string | null) => k !== null && pages.length >= 2 && (seen.get(k) ?? 0) >= Math.max(2, pages.length / 2);
  const lines: TextLine[] = [];
  let dropped = 0;
  for (const p of pages) {
    for (const l of p.lines) {
      if (isPageNumber(l, p.height) || running(key(l, p.height))) dropped++;
      else lines.push(l);
    }
  }
  return { lines, dropped };
}
