import { normaliseText } from '../../domain/labels.ts';
import type { PdfPage } from './pdfium.ts';

/** A run of characters printed next to each other on one line; boxes in page space, y downwards. */
export interface Word {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly page: number;
}

/** Words sharing a baseline, left to right. */
export interface TextLine {
  readonly page: number;
  readonly top: number;
  readonly bottom: number;
  readonly words: readonly Word[];
}

/** Share of a line's height two characters' centres may differ by and still sit on one line (baseline jitter). */
const LINE_JITTER = 0.4;
/** A horizontal gap wider than this share of the height ends a word ("总 计" with a narrow space stays one word). */
const WORD_GAP = 0.6;

const height = (c: { top: number; bottom: number }) => c.bottom - c.top;

/** A character as the line builder uses it: normalised, with its line box and its place in the text stream. */
interface Glyph {
  readonly ch: string;
  readonly index: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly centre: number;
  readonly spaceAfter: boolean;
}

/** The characters of a page as lines of words, top to bottom. Whitespace is dropped: gaps come from positions. */
export function buildLines(page: PdfPage): TextLine[] {
  const chars: Glyph[] = [];
  for (const c of page.chars) {
    if (c.ch.trim() === '' || c.bottom <= c.top) continue;
    chars.push({
      ch: normaliseChar(c.ch),
      index: chars.length,
      left: c.left,
      right: c.right,
      top: c.top,
      bottom: c.bottom,
      centre: (c.top + c.bottom) / 2,
      spaceAfter: c.spaceAfter,
    });
  }
  chars.sort((a, b) => a.centre - b.centre);
  const groups: Glyph[][] = [];
  let current: Glyph[] = [];
  let sum = 0;
  let heights = 0;
  for (const c of chars) {
    const n = current.length;
    if (n && Math.abs(c.centre - sum / n) > LINE_JITTER * Math.min(height(c), heights / n)) {
      groups.push(current);
      current = [];
      sum = 0;
      heights = 0;
    }
    current.push(c);
    sum += c.centre;
    heights += height(c);
  }
  if (current.length) groups.push(current);
  return groups.map((g) => toLine(page.number, g));
}

function toLine(page: number, chars: readonly Glyph[]): TextLine {
  const sorted = [...chars].sort((a, b) => a.left - b.left);
  const h = median(sorted.map(height));
  const words: Word[] = [];
  let run: typeof sorted = [];
  const flush = () => {
    if (!run.length) return;
    words.push({
      // A space printed inside a word (总 计, Latin prose) is kept; the label matching ignores it.
      text: run.map((c, i) => (i > 0 && run[i - 1]?.spaceAfter && run[i - 1]?.index === c.index - 1 ? ' ' : '') + c.ch).join(''),
      left: Math.min(...run.map((c) => c.left)),
      right: Math.max(...run.map((c) => c.right)),
      top: Math.min(...run.map((c) => c.top)),
      bottom: Math.max(...run.map((c) => c.bottom)),
      page,
    });
    run = [];
  };
  for (const c of sorted) {
    const last = run[run.length - 1];
    // Overlapping boxes (text printed twice for a bold effect) are one character.
    if (last && c.left < last.right - 0.5 * (last.right - last.left) && c.ch === last.ch) continue;
    if (last && c.left - last.right > WORD_GAP * h) flush();
    run.push(c);
  }
  flush();
  return {
    page,
    top: Math.min(...words.map((w) => w.top)),
    bottom: Math.max(...words.map((w) => w.bottom)),
    words,
  };
}

const normalised = new Map<string, string>();

/** normaliseText for one character, remembered: a report prints a few hundred distinct characters thousands of times. */
function normaliseChar(ch: string): string {
  let n = normalised.get(ch);
  if (n === undefined) {
    n = normaliseText(ch);
    if (normalised.size < 20_000) normalised.set(ch, n);
  }
  return n;
}

export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** The printed text of a line: words joined by a space. */
export function lineText(line: TextLine): string {
  return line.words.map((w) => w.text).join(' ');
}
