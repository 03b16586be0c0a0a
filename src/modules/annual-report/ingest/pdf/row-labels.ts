import { normaliseLabel } from '../../domain/labels.ts';

/**
 * Row labels of a table printed in label columns (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密), rebuilt
 * from positions. A tall merged cell prints its label one character per line, so its characters sit between and
 * beside the data rows; a long label wraps above and below its numbers, or puts them on a line of their own.
 *
 * The rule used: a row's own label is in the deepest label column holding text next to it; text in a shallower
 * column beside rows that are labelled deeper belongs to a group label spanning those rows, and goes, joined in
 * reading order, to the first row of the group (like a merged cell expanded: the spanned slots stay '').
 */

/** A piece of label text in one label column, in flow coordinates (pages stacked). */
export interface LabelItem {
  readonly column: number;
  readonly page?: number;
  readonly text: string;
  readonly top: number;
  readonly bottom: number;
  /** The data row printed on the same line, if any. */
  readonly row: number | null;
}

/** A line carrying values, in flow coordinates. */
export interface DataRow {
  readonly top: number;
  readonly bottom: number;
  readonly values: readonly string[];
  readonly page?: number;
}

export interface LabelledRow {
  readonly labels: readonly string[];
  readonly values: readonly string[];
  /** True for a row rebuilt from a label with no values printed at all (every cell blank). */
  readonly blank: boolean;
  readonly page?: number;
}

const MARKER = /^(\d+[.)]|\(\d+\)|[①-⑳]|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+\.)/;
const FIRST_MARKER = /^(1[.)]|\(1\)|①|\(一\)|一\.)/;

export const startsWithMarker = (text: string) => MARKER.test(normaliseLabel(text));

interface Block {
  column: number;
  items: LabelItem[];
  top: number;
  bottom: number;
}

interface Row {
  top: number;
  bottom: number;
  values: readonly string[];
  page?: number;
  labels: string[];
  /** Column of the row's own label; Infinity while unknown. */
  level: number;
  blank: boolean;
}

/**
 * Assigns label items to data rows. `columns` is the number of label columns; `lineHeight` the typical height of
 * a printed line (gaps are measured against it).
 */
export function labelRows(items: readonly LabelItem[], data: readonly DataRow[], columns: number, lineHeight: number): LabelledRow[] {
  const rows: Row[] = data.map((d) => ({ ...d, labels: Array(columns).fill('') as string[], level: Infinity, blank: false }));
  const groups: Block[] = [];
  const pending: Block[] = [];
  // Pass 1, deepest column first: text beside a row's values is the row's own label, unless the row already has a
  // deeper one (then it is part of a group label).
  for (let column = columns - 1; column >= 0; column--) {
    for (const b of buildBlocks(items.filter((i) => i.column === column), lineHeight)) {
      const beside = rowsBeside(b, rows);
      const unlabelled = beside.filter((r) => r.level === Infinity);
      if (unlabelled.length) own(nearest(unlabelled, b), column, b);
      else if (beside.length) groups.push(b);
      else pending.push(b);
    }
  }
  // Pass 2: values printed on a line of their own take the closest label text left between rows (deeper first).
  for (const row of rows.filter((r) => r.level === Infinity)) {
    const { above, below } = neighbours(row, rows);
    const between = pending.filter((b) => (!above || centre(b) > centre(above)) && (!below || centre(b) < centre(below)));
    const best = between
      .map((b) => ({ b, score: distance(row, b) - (b.column * lineHeight) / 2 }))
      .filter((c) => distance(row, c.b) < 3 * lineHeight)
      .sort((x, y) => x.score - y.score)[0];
    if (!best) continue;
    own(row, best.b.column, best.b);
    pending.splice(pending.indexOf(best.b), 1);
  }
  // Pass 3: what is left is a row printed without any value (a numbered label outside any group's span), the
  // tail of a wrapped label, or a piece of a group label.
  for (const b of [...pending].sort((x, y) => x.top - y.top)) {
    const { above, below } = neighbours(b, rows);
    const first = b.items[0];
    const marked = !!first && startsWithMarker(first.text);
    const insideGroup = !!above && !!below && above.level > b.column && below.level > b.column;
    if (marked && !insideGroup) {
      const row: Row = { top: b.top, bottom: b.bottom, values: [], page: first.page, labels: Array(columns).fill('') as string[], level: Infinity, blank: true };
      rows.splice(below ? rows.indexOf(below) : rows.length, 0, row);
      own(row, b.column, b);
    } else if (!marked && above && above.level === b.column && distance(above, b) < 2 * lineHeight) {
      above.labels[b.column] += text(b);
      above.bottom = Math.max(above.bottom, b.bottom);
    } else groups.push(b);
  }
  for (const g of groups) {
    const run = runFor(g, rows);
    if (run) run.labels[g.column] += text(g);
  }
  const width = Math.max(0, ...rows.map((r) => r.values.length));
  return rows.map((r) => ({
    labels: r.labels,
    values: r.blank ? Array(width).fill('') : r.values,
    blank: r.blank,
    ...(r.page !== undefined ? { page: r.page } : {}),
  }));
}

function own(row: Row, column: number, block: Block): void {
  row.labels[column] += text(block);
  row.level = column;
  row.top = Math.min(row.top, block.top);
  row.bottom = Math.max(row.bottom, block.bottom);
}

const text = (b: Block) => b.items.map((i) => i.text).join('');
const centre = (x: { top: number; bottom: number }) => (x.top + x.bottom) / 2;
const distance = (r: { top: number; bottom: number }, b: { top: number; bottom: number }) =>
  Math.max(0, b.top - r.bottom, r.top - b.bottom);

function nearest<T extends { top: number; bottom: number }>(rows: readonly T[], b: Block): T {
  return [...rows].sort((x, y) => Math.abs(centre(x) - centre(b)) - Math.abs(centre(y) - centre(b)))[0] as T;
}

/** Items of one column in reading order, cut into blocks at a wide gap, at a numbering marker, or between rows. */
function buildBlocks(items: readonly LabelItem[], lineHeight: number): Block[] {
  const blocks: Block[] = [];
  for (const item of [...items].sort((a, b) => a.top - b.top)) {
    const last = blocks[blocks.length - 1];
    const lastRow = last?.items.find((i) => i.row !== null)?.row ?? null;
    const sameLine = last?.items.some((i) => i.row !== null && i.row === item.row);
    const split =
      !last ||
      (!sameLine && startsWithMarker(item.text)) ||
      item.top - last.bottom > 1.1 * lineHeight ||
      (item.row !== null && lastRow !== null && item.row !== lastRow);
    if (split) blocks.push({ column: item.column, items: [item], top: item.top, bottom: item.bottom });
    else {
      last.items.push(item);
      last.bottom = Math.max(last.bottom, item.bottom);
    }
  }
  return blocks;
}

/** Rows printed on a line of the block, or whose values line sits inside the block's height. */
function rowsBeside(b: Block, rows: readonly Row[]): Row[] {
  const own = new Set(b.items.map((i) => i.row).filter((r): r is number => r !== null));
  return rows.filter((r, i) => own.has(i) || (centre(r) > b.top && centre(r) < b.bottom));
}

/** The rows just above and below a block (or a row: itself excluded). */
function neighbours(b: { top: number; bottom: number }, rows: readonly Row[]): { above: Row | undefined; below: Row | undefined } {
  const above = rows.filter((r) => r !== b && centre(r) <= centre(b)).at(-1);
  const below = rows.find((r) => r !== b && centre(r) > centre(b));
  return { above, below };
}

/**
 * The first row of the group a spanning label belongs to: groups are runs of consecutive rows labelled deeper
 * than the label's column, a new one starting where the next level's numbering starts again (1., （一）).
 */
function runFor(g: Block, rows: readonly Row[]): Row | null {
  const runs: Row[][] = [];
  let current: Row[] = [];
  for (const r of rows) {
    const covered = r.level > g.column;
    const restart = r.level === g.column + 1 && FIRST_MARKER.test(normaliseLabel(r.labels[r.level] ?? ''));
    if (!covered || restart) {
      if (current.length) runs.push(current);
      current = [];
    }
    if (covered) current.push(r);
  }
  if (current.length) runs.push(current);
  let best: { run: Row[]; d: number } | null = null;
  for (const run of runs) {
    const top = Math.min(...run.map((r) => r.top));
    const bottom = Math.max(...run.map((r) => r.bottom));
    const d = Math.max(0, top - centre(g), centre(g) - bottom);
    if (!best || d < best.d) best = { run, d };
  }
  return best?.run[0] ?? null;
}
