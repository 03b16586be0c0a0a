import type { TextLine } from './lines.ts';

/** A line with its position in flow coordinates: pages stacked so a table continues across a page break. */
export interface FlowLine {
  readonly line: TextLine;
  readonly top: number;
  readonly bottom: number;
}

/**
 * Puts the lines of a table (possibly over several pages, page furniture already removed) on one vertical axis:
 * the first line of a new page follows the last line of the previous one after a small gap.
 */
export function toFlow(lines: readonly TextLine[], gap: number): FlowLine[] {
  const out: FlowLine[] = [];
  let offset = 0;
  let page: number | null = null;
  let lastBottom = 0;
  for (const line of lines) {
    if (page !== null && line.page !== page) offset = lastBottom + gap - line.top;
    page = line.page;
    const f = { line, top: line.top + offset, bottom: line.bottom + offset };
    lastBottom = Math.max(lastBottom, f.bottom);
    out.push(f);
  }
  return out;
}
