import { BLANK, numericValue, type Cell } from './cell.ts';
import { FORMATS, TABLE_IDS, type FormatId, type SectionId, type TableId } from './formats/index.ts';

/** Cells of one table by stable row id, then column id (domain.md §7). */
export type TableCells = Readonly<Record<string, Readonly<Record<string, Cell>>>>;

export interface Section {
  /** The heading as printed. */
  readonly heading: string;
  /** The prose under it, tables excluded. */
  readonly text: string;
}

/** What an extraction had to decide, so a reader can see why a cell has its value. */
export interface ExtractionNote {
  readonly kind: 'matched' | 'guessed' | 'ignored' | 'unreadable';
  readonly message: string;
  readonly table?: TableId;
  readonly row?: string;
  readonly column?: string;
  /** The printed text the note is about. */
  readonly source?: string;
}

/**
 * One annual report, wherever it came from (built from data, or read from a published file) and wherever it goes.
 * `format` is the format its tables follow, which may differ from the one its year requires: that is a finding.
 */
export interface Report {
  readonly agency: string | null;
  readonly year: number | null;
  readonly format: FormatId;
  readonly title: string | null;
  readonly sections: Readonly<Partial<Record<SectionId, Section>>>;
  readonly tables: Readonly<Record<TableId, TableCells>>;
  /** Tables the source did not contain at all (as opposed to tables printed with blank cells). */
  readonly missingTables: readonly TableId[];
  readonly notes: readonly ExtractionNote[];
}

export function getCell(report: Pick<Report, 'tables'>, table: TableId, row: string, column: string): Cell {
  return report.tables[table][row]?.[column] ?? BLANK;
}

/** A table of the given format with every cell blank. */
export function blankTable(format: FormatId, table: TableId): Record<string, Record<string, Cell>> {
  const out: Record<string, Record<string, Cell>> = {};
  for (const row of FORMATS[format].tables[table].rows) {
    out[row.id] = Object.fromEntries(row.columns.map((c) => [c, BLANK]));
  }
  return out;
}

export function emptyReport(format: FormatId, init: Partial<Omit<Report, 'format'>> = {}): Report {
  const tables = Object.fromEntries(TABLE_IDS.map((t) => [t, blankTable(format, t)])) as Record<TableId, TableCells>;
  return {
    agency: null,
    year: null,
    title: null,
    sections: {},
    missingTables: [],
    notes: [],
    ...init,
    tables: { ...tables, ...(init.tables ?? {}) },
    format,
  };
}

/** The cells as JSON numbers by stable id: a blank, a dash or text is `null`, kept apart from an explicit 0. */
export function tablesAsNumbers(report: Report): Record<TableId, Record<string, Record<string, number | null>>> {
  const out = {} as Record<TableId, Record<string, Record<string, number | null>>>;
  for (const t of TABLE_IDS) {
    out[t] = {};
    for (const row of FORMATS[report.format].tables[t].rows) {
      out[t][row.id] = Object.fromEntries(row.columns.map((c) => [c, numericValue(getCell(report, t, row.id, c))]));
    }
  }
  return out;
}
