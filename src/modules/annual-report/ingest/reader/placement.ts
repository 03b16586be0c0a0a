import { BLANK, parseCell, type Cell, type ValueKind } from '../../domain/cell.ts';

/**
 * Placing the printed value cells of one row into the row's columns when the source may have lost or doubled
 * separators. Lost cells are blanks that vanished; extra cells are blanks that appeared. Every reading is
 * enumerated (bounded), judged by the row's identity when it has one, and the preferred fitting one is returned
 * together with how many other readings fit as well.
 */

/** Which end of the row the values hold to: table 二 values start right after the label, 三 and 四 end at 总计. */
export type Anchor = 'left' | 'right';

/** 2: the identity holds with a printed total; 1: nothing to check (blank total); 0: the identity fails. */
export type Judge = (cells: readonly Cell[]) => 0 | 1 | 2;

export interface Placement {
  readonly cells: readonly Cell[];
  /** Distinct readings that fit as well as the chosen one (1 when the placement was certain). */
  readonly fitting: readonly (readonly Cell[])[];
  /** More than one reading was possible before judging: the placement is a guess (maybe settled by the identity). */
  readonly choices: number;
  /** Non-blank cells that could not be placed. */
  readonly dropped: readonly string[];
}

const MAX_COMBINATIONS = 5000;

export function parseRow(printed: readonly string[], kinds: readonly ValueKind[]): Cell[] {
  return kinds.map((kind, i) => parseCell(printed[i] ?? '', kind));
}

export function cellSignature(cells: readonly Cell[]): string {
  return cells.map((c) => (c.kind === 'number' || c.kind === 'change' ? `${c.kind}:${c.value}` : c.kind)).join('|');
}

/** Values of a row whose grid is known (HTML/DOCX/PDF grid, or text rows with the table's full width). */
export function placeAligned(printed: readonly string[], kinds: readonly ValueKind[], anchor: Anchor): Placement {
  const n = kinds.length;
  let slice: string[];
  if (anchor === 'right') {
    slice = printed.slice(Math.max(0, printed.length - n));
    while (slice.length < n) slice.unshift('');
  } else {
    slice = printed.slice(0, n);
    while (slice.length < n) slice.push('');
  }
  const dropped = (anchor === 'right' ? printed.slice(0, Math.max(0, printed.length - n)) : printed.slice(n)).filter(
    (c) => c.trim() !== '',
  );
  const cells = parseRow(slice, kinds);
  return { cells, fitting: [cells], choices: 1, dropped };
}

/** Values of a row whose separators may be lost or doubled (tab text, pipe tables). */
export function placeUnaligned(
  printed: readonly string[],
  kinds: readonly ValueKind[],
  anchor: Anchor,
  judge?: Judge,
): Placement {
  const n = kinds.length;
  const m = printed.length;
  if (m === n) {
    const cells = parseRow(printed, kinds);
    return { cells, fitting: [cells], choices: 1, dropped: [] };
  }
  const readings: string[][] = [];
  const dropped: string[] = [];
  if (m > n) {
    const blanks = printed.flatMap((c, i) => (c.trim() === '' ? [i] : []));
    const extra = m - n;
    if (blanks.length < extra) {
      // More values than columns: drop every blank, then keep the anchored end.
      const values = printed.filter((c) => c.trim() !== '');
      const keep = anchor === 'right' ? values.slice(values.length - n) : values.slice(0, n);
      dropped.push(...(anchor === 'right' ? values.slice(0, values.length - n) : values.slice(n)));
      readings.push(keep);
    } else {
      // Preferred first: right-anchored rows lose their leading blanks (a wider label), left-anchored the trailing.
      const order = anchor === 'right' ? blanks : [...blanks].reverse();
      for (const removed of combinations(order, extra)) {
        const gone = new Set(removed);
        readings.push(printed.filter((_, i) => !gone.has(i)));
      }
    }
  } else {
    const missing = n - m;
    // Preferred first: keep both ends (a lost blank in the middle) for right-anchored rows, lost trailing cells
    // for left-anchored rows.
    const positions = Array.from({ length: n }, (_, i) => i);
    const order =
      anchor === 'right'
        ? [...positions.slice(1, n - 1).reverse(), n - 1, 0]
        : [...positions].reverse();
    for (const blanksAt of combinations(order, missing)) {
      const at = new Set(blanksAt);
      const row: string[] = [];
      let k = 0;
      for (let i = 0; i < n; i++) row.push(at.has(i) ? '' : (printed[k++] ?? ''));
      readings.push(row);
    }
  }
  const seen = new Set<string>();
  const distinct: Cell[][] = [];
  for (const r of readings) {
    const cells = parseRow(r, kinds);
    const sig = cellSignature(cells);
    if (seen.has(sig)) continue;
    seen.add(sig);
    distinct.push(cells);
  }
  if (distinct.length === 0) distinct.push(kinds.map(() => BLANK));
  const best = judge ? Math.max(...distinct.map(judge)) : 0;
  const fitting = judge ? distinct.filter((c) => judge(c) === best) : distinct;
  return { cells: fitting[0] ?? distinct[0]!, fitting, choices: distinct.length, dropped };
}

/** The k-element subsets of `items`, in the preference order of `items`, bounded. */
function* combinations<T>(items: readonly T[], k: number): Generator<T[]> {
  let produced = 0;
  const pick: number[] = [];
  function* go(start: number): Generator<T[]> {
    if (produced >= MAX_COMBINATIONS) return;
    if (pick.length === k) {
      produced++;
      yield pick.map((i) => items[i]!);
      return;
    }
    for (let i = start; i <= items.length - (k - pick.length); i++) {
      pick.push(i);
      yield* go(i + 1);
      pick.pop();
    }
  }
  yield* go(0);
}
