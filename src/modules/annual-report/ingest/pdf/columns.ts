import { toHalfWidth } from '../../domain/cell.ts';
import { normaliseLabel } from '../../domain/labels.ts';
import { median, type TextLine, type Word } from './lines.ts';

/** A value column of a rebuilt table: its header text and the x-range its cells occupy. */
export interface Column {
  readonly header: string;
  readonly left: number;
  readonly right: number;
}

const VALUE = /^[+-]?\d[\d,.]*(万元|万|元|个|项|件|条)?$|^[/\\\-—–－一无×]+$|^(增加|减少|新增)\d+(个|项|件|条)?$/;

/** A word that can only be a cell value: a number (with its unit), a signed change, or a dash for "none". */
export function isValueWord(text: string): boolean {
  return VALUE.test(toHalfWidth(normaliseLabel(text)));
}

const overlap = (a: { left: number; right: number }, b: { left: number; right: number }) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left);

/**
 * Header words stacked into columns: the words of one narrow header cell are printed on several lines
 * (商业企 / 业, 社会 / 公益 / 组织) with overlapping x-ranges. Words matching `spanning` (a header over several
 * columns, such as 法人或其他组织) are left out. Returns the stacks left to right, their words top to bottom.
 */
export function stackHeader(lines: readonly TextLine[], spanning: RegExp, known: readonly string[] = []): Column[] {
  const all = lines.flatMap((l) => joinSplitWords(l.words, known));
  const words = all.filter((w) => !spanning.test(normaliseLabel(w.text)) && !spansColumns(w, all));
  const stacks: Word[][] = [];
  for (const w of [...words].sort((a, b) => a.top - b.top)) {
    const hits = stacks.filter((s) => s.some((o) => overlapping(o, w)));
    if (hits.length === 0) {
      stacks.push([w]);
      continue;
    }
    const merged = [...hits.flat(), w];
    for (const h of hits) stacks.splice(stacks.indexOf(h), 1);
    stacks.push(merged);
  }
  return stacks
    .map((s) => {
      const sorted = [...s].sort((a, b) => a.top - b.top || a.left - b.left);
      return {
        header: normaliseLabel(sorted.map((w) => w.text).join('')),
        left: Math.min(...s.map((w) => w.left)),
        right: Math.max(...s.map((w) => w.right)),
      };
    })
    .sort((a, b) => a.left - b.left);
}

const overlapping = (a: Word, b: Word) => overlap(a, b) > 0.3 * Math.min(a.right - a.left, b.right - b.left);

/** A header over several columns (法人或其他组织, 行政诉讼): it lies over two words that lie side by side. */
function spansColumns(w: Word, words: readonly Word[]): boolean {
  const under = words.filter((o) => o !== w && o.top > w.top && overlapping(o, w));
  return under.some((a) => under.some((b) => a !== b && overlap(a, b) <= 0));
}

/** Neighbouring words on one line whose joined text is part of a known header (总 / 计 printed with a wide space). */
function joinSplitWords(words: readonly Word[], known: readonly string[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    const h = w.bottom - w.top;
    if (last && w.left - last.right < 2.5 * h) {
      const joined = normaliseLabel(last.text + w.text);
      if (known.some((k) => k.includes(joined))) {
        out[out.length - 1] = { ...last, text: last.text + w.text, right: w.right, top: Math.min(last.top, w.top), bottom: Math.max(last.bottom, w.bottom) };
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

/**
 * Column x-ranges that tile the value area: each boundary sits in the middle of the gap between two headers,
 * the first column reaches half a gap to the left of its header, the last one to the page edge.
 */
export function tileColumns(columns: readonly Column[]): Column[] {
  const gaps = columns.slice(1).map((c, i) => c.left - (columns[i]?.right ?? c.left));
  const firstGap = Math.max(median(gaps), 4);
  return columns.map((c, i) => {
    const prev = columns[i - 1];
    const next = columns[i + 1];
    return {
      header: c.header,
      left: prev ? (prev.right + c.left) / 2 : c.left - firstGap / 2,
      right: next ? (c.right + next.left) / 2 : Number.POSITIVE_INFINITY,
    };
  });
}

/** The index of the tiled column a word falls in, by its centre; null when left of all of them. */
export function columnOf(columns: readonly Column[], word: Pick<Word, 'left' | 'right'>): number | null {
  const x = (word.left + word.right) / 2;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    if (c && x >= c.left && x < c.right) return i;
  }
  return null;
}

/** Columns found from the values themselves, when no header names them: centres of words clustered by x. */
export function clusterValueColumns(words: readonly Word[]): Column[] {
  const sorted = [...words].sort((a, b) => (a.left + a.right) / 2 - (b.left + b.right) / 2);
  const clusters: Word[][] = [];
  for (const w of sorted) {
    const last = clusters[clusters.length - 1];
    const lastWord = last?.[last.length - 1];
    if (last && lastWord && overlap(lastWord, w) > -0.5 * (w.bottom - w.top)) last.push(w);
    else clusters.push([w]);
  }
  return clusters.map((c) => ({ header: '', left: Math.min(...c.map((w) => w.left)), right: Math.max(...c.map((w) => w.right)) }));
}

/** Cell texts of one line for the given tiled columns; several words in one column are joined. */
export function placeValues(columns: readonly Column[], words: readonly Word[]): string[] {
  const cells = columns.map(() => '');
  for (const w of words) {
    const i = columnOf(columns, w);
    if (i === null) continue;
    cells[i] = (cells[i] ?? '') + w.text;
  }
  return cells;
}
