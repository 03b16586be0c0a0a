import { UnreadableInput } from './document.ts';

/**
 * Merged-cell expansion shared by the HTML and DOCX extractors: a table as printed (cells with row and column
 * spans) in, a rectangular grid out. A spanned slot is '', so every row has the same width and a value keeps its
 * column however the labels to its left were merged.
 */

/** One printed cell. Spans default to 1; a rowSpan of 0 means "to the end of the table" as in HTML. */
export interface SpanCell {
  readonly text: string;
  readonly rowSpan?: number;
  readonly colSpan?: number;
}

export interface GridLimits {
  /** Most slots (rows × columns) one table may expand to. */
  readonly maxCells: number;
  /** Most columns one row may reach. */
  readonly maxColumns: number;
}

/** Far above any annual-report table (table 三 is 28 × 10), low enough that a span bomb is refused in milliseconds. */
export const DEFAULT_GRID_LIMITS: GridLimits = { maxCells: 250_000, maxColumns: 1_000 };

// The HTML spec clamps spans to these values.
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

function clampSpan(value: number | undefined, max: number, zeroMeans: number): number {
  if (value === undefined || !Number.isFinite(value)) return 1;
  const n = Math.trunc(value);
  if (n === 0) return zeroMeans;
  return n < 0 ? 1 : Math.min(n, max);
}

function tooLarge(): UnreadableInput {
  return new UnreadableInput('unreadable.tooLarge', '表格过大或合并单元格异常（单元格数量超出上限），无法读取');
}

/**
 * Expands row and column spans into a grid (the HTML table model: a cell takes the first free slot of its row).
 * Row spans are clipped at the last row. Throws UnreadableInput('unreadable.tooLarge') past the limits.
 */
export function expandGrid(rows: readonly (readonly SpanCell[])[], limits: GridLimits = DEFAULT_GRID_LIMITS): string[][] {
  const grid: string[][] = [];
  /** carry[c]: how many more rows a span started above still covers column c. */
  let carry: number[] = [];
  let width = 0;
  let slots = 0;
  for (let r = 0; r < rows.length; r++) {
    const rowsLeft = rows.length - r;
    const out: string[] = [];
    const next: number[] = carry.map((n) => Math.max(0, n - 1));
    let col = 0;
    const skipCovered = (): void => {
      while ((carry[col] ?? 0) > 0) out[col++] = '';
    };
    for (const cell of rows[r] ?? []) {
      skipCovered();
      const colSpan = clampSpan(cell.colSpan, MAX_COLSPAN, 1);
      const rowSpan = Math.min(clampSpan(cell.rowSpan, MAX_ROWSPAN, rowsLeft), rowsLeft);
      if (col + colSpan > limits.maxColumns) throw tooLarge();
      out[col] = cell.text;
      next[col] = rowSpan - 1;
      for (let k = 1; k < colSpan; k++) {
        // A later cell's span may run into one coming down from above (malformed but common): the later cell
        // wins the slot, as browsers draw it overlapping.
        out[col + k] = '';
        next[col + k] = rowSpan - 1;
      }
      col += colSpan;
    }
    for (let c = col; c < carry.length; c++) if ((carry[c] ?? 0) > 0) out[c] = '';
    for (let c = 0; c < out.length; c++) out[c] ??= '';
    width = Math.max(width, out.length);
    slots += out.length;
    if (slots > limits.maxCells || width * (r + 1) > limits.maxCells) throw tooLarge();
    grid.push(out);
    carry = next;
  }
  for (const row of grid) while (row.length < width) row.push('');
  return grid;
}

/** Han ideographs, CJK punctuation and full-width forms: scripts written without spaces between words. */
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g');

/**
 * The printed text of a cell or paragraph as one line: whitespace (line breaks, &nbsp;, ideographic spaces)
 * collapsed, and dropped between two CJK characters, where it is only layout — Word's HTML export wraps source
 * lines inside words, labels break with <br> in narrow columns, and headers are spaced out (总 计).
 */
export function tidyText(text: string): string {
  return text
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SPACE_BETWEEN_CJK, '');
}
