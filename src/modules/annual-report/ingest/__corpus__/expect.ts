/**
 * How the corpus cases write down what a person reads off a report, and how a Report is compared with it.
 *
 * A row is a string of tokens separated by spaces: a number (a count, 万元 for money, a signed change), `_` for a
 * blank cell, `-` for a dash (/, -, —, 无). Table 四 is one string of 15 tokens (`|` between groups is ignored).
 */
import type { Cell } from '../../domain/cell.ts';
import { FORMATS, type FormatId, type TableId } from '../../domain/formats/index.ts';
import { getCell, type Report } from '../../domain/report.ts';

export interface CorpusCase {
  /** File under __corpus__/. `.md` goes through the Markdown extractor, `.html` through the HTML one, the rest as text. */
  readonly file: string;
  /** The quirks of real reports the document carries (real-layouts.md, domain.md §4). */
  readonly quirks: readonly string[];
  readonly format: FormatId;
  readonly year: number | null;
  readonly agency?: string | null;
  /** Table 三 rows by id; `rest` is every row not listed (one token for every cell, or a whole row). */
  readonly applications?: { readonly rows: Readonly<Record<string, string>>; readonly rest: string };
  /** Table 二 rows by id; rows not listed are not compared unless `rest` is given. */
  readonly proactive?: { readonly rows: Readonly<Record<string, string>>; readonly rest?: string };
  readonly remedies?: string;
  readonly missingTables?: readonly TableId[];
  /** Codes of the error and warning findings checkReport must give, and no others. */
  readonly findings: readonly string[];
  /** Notes the reader must leave (kind 'guessed' unless said), by a pattern on the message. */
  readonly notes?: readonly { readonly kind?: 'guessed' | 'ignored' | 'matched' | 'unreadable'; readonly message: RegExp }[];
}

export function token(cell: Cell): string {
  switch (cell.kind) {
    case 'number':
    case 'change':
      return String(cell.value);
    case 'blank':
      return '_';
    case 'dash':
      return '-';
    case 'text':
      return `text:${cell.raw}`;
  }
}

function tokens(row: string): string[] {
  return row.split(/[\s|]+/).filter((t) => t !== '');
}

/** The row of the report as tokens, with the expectation beside it, for a readable failure message. */
export interface RowComparison {
  readonly table: TableId;
  readonly row: string;
  readonly read: string;
  readonly expected: string;
}

export function compareTables(report: Report, c: CorpusCase): RowComparison[] {
  const out: RowComparison[] = [];
  const def = FORMATS[report.format].tables;
  const rowOf = (table: TableId, row: string) =>
    (def[table].rows.find((r) => r.id === row)?.columns ?? []).map((col) => token(getCell(report, table, row, col))).join(' ');
  const add = (table: TableId, rows: Readonly<Record<string, string>>, rest: string | undefined) => {
    for (const r of def[table].rows) {
      const fill = rest === undefined ? undefined : tokens(rest).length === 1 ? r.columns.map(() => rest).join(' ') : rest;
      const want = rows[r.id] ?? fill;
      if (want === undefined) continue;
      out.push({ table, row: r.id, read: rowOf(table, r.id), expected: tokens(want).join(' ') });
    }
    for (const id of Object.keys(rows)) {
      if (!def[table].rows.some((r) => r.id === id)) out.push({ table, row: id, read: '(no such row)', expected: rows[id]! });
    }
  };
  if (c.applications) add('applications', c.applications.rows, c.applications.rest);
  if (c.proactive) add('proactive', c.proactive.rows, c.proactive.rest);
  if (c.remedies !== undefined) {
    const read = def.remedies.rows.map((r) => rowOf('remedies', r.id)).join(' ');
    out.push({ table: 'remedies', row: '*', read, expected: tokens(c.remedies).join(' ') });
  }
  return out;
}
