/**
 * gongkai's own JSON for a report ("gongkai.report/1"), lossless: render then parse gives back the same Report,
 * blank, dash and 0 kept apart. `tables` holds every cell as a number or null (domain.md §7); `cells` holds, only
 * where the number alone does not say it, what was printed: the raw text of a dash, of stray text, of a change
 * written in words, of a number printed with a unit. When even that is ambiguous (a dash-like text), the entry is
 * `{ kind, raw }`.
 *
 * parseReportJson lives here for now (the ingest imports it); it is strict and says in Chinese what is wrong.
 */
import { z } from 'zod';
import { BLANK, change, formatChange, num, parseCell, type Cell } from '../domain/cell.ts';
import {
  FORMATS,
  FORMAT_IDS,
  TABLE_IDS,
  type FormatId,
  type SectionId,
  type TableDef,
  type TableId,
} from '../domain/formats/index.ts';
import type { ExtractionNote, Report, Section, TableCells } from '../domain/report.ts';

export const REPORT_JSON_SCHEMA = 'gongkai.report/1';

const SECTION_IDS = ['overview', 'proactive', 'applications', 'remedies', 'problems', 'other'] as const satisfies readonly SectionId[];
const TABLE_ENUM = ['proactive', 'applications', 'remedies'] as const satisfies readonly TableId[];

const explicitCell = z.strictObject({ kind: z.enum(['number', 'change', 'dash', 'text']), raw: z.string() });
type ExplicitCell = z.infer<typeof explicitCell>;
type PrintedCell = string | ExplicitCell;

const numbers = z.record(z.string(), z.record(z.string(), z.number().nullable()));
const printed = z.record(z.string(), z.record(z.string(), z.union([z.string(), explicitCell])));

const noteSchema = z.strictObject({
  kind: z.enum(['matched', 'guessed', 'ignored', 'unreadable']),
  message: z.string(),
  table: z.enum(TABLE_ENUM).optional(),
  row: z.string().optional(),
  column: z.string().optional(),
  source: z.string().optional(),
});

const sectionSchema = z.strictObject({ heading: z.string(), text: z.string() });

const reportJsonSchema = z.strictObject({
  schema: z.literal(REPORT_JSON_SCHEMA),
  agency: z.string().nullable(),
  year: z.number().int().min(1000).max(9999).nullable(),
  format: z.enum(FORMAT_IDS as ['2019', '2021']),
  title: z.string().nullable(),
  sections: z.strictObject({
    overview: sectionSchema.optional(),
    proactive: sectionSchema.optional(),
    applications: sectionSchema.optional(),
    remedies: sectionSchema.optional(),
    problems: sectionSchema.optional(),
    other: sectionSchema.optional(),
  }),
  tables: z.strictObject({ proactive: numbers, applications: numbers, remedies: numbers }),
  cells: z.strictObject({ proactive: printed.optional(), applications: printed.optional(), remedies: printed.optional() }).optional(),
  missingTables: z.array(z.enum(TABLE_ENUM)),
  notes: z.array(noteSchema).optional(),
});

export type ReportJson = z.output<typeof reportJsonSchema>;

/** A gongkai JSON document that cannot be read; `issues` lists each problem with its place in the document. */
export class ReportJsonError extends Error {
  constructor(readonly issues: readonly string[]) {
    const shown = issues.slice(0, 5).join('；');
    super(`gongkai 报告 JSON 格式不正确：${shown}${issues.length > 5 ? `；另有 ${issues.length - 5} 处问题` : ''}`);
    this.name = 'ReportJsonError';
  }
}

function columnKind(def: TableDef, column: string) {
  return def.columns.find((c) => c.id === column)?.kind ?? 'count';
}

/** A printed string alone reads as a dash when it is one of the dash marks, otherwise as text. */
function isDashText(raw: string): boolean {
  const cell = parseCell(raw);
  return cell.kind === 'dash' && cell.raw === raw;
}

function encodeCell(cell: Cell, kind: ReturnType<typeof columnKind>): { value: number | null; printed?: PrintedCell } {
  switch (cell.kind) {
    case 'blank':
      return { value: null };
    case 'dash':
      return { value: null, printed: isDashText(cell.raw) ? cell.raw : { kind: 'dash', raw: cell.raw } };
    case 'text':
      return { value: null, printed: isDashText(cell.raw) ? { kind: 'text', raw: cell.raw } : cell.raw };
    case 'number':
    case 'change': {
      const implied = kind === 'change' ? 'change' : 'number';
      if (cell.kind !== implied) return { value: cell.value, printed: { kind: cell.kind, raw: cell.raw } };
      const defaultRaw = cell.kind === 'change' ? formatChange(cell.value) : String(cell.value);
      return cell.raw === defaultRaw ? { value: cell.value } : { value: cell.value, printed: cell.raw };
    }
  }
}

/** The report as a gongkai JSON value. Cells are written in the format's row and column order. */
export function reportToJson(report: Report): ReportJson {
  const tables = {} as Record<TableId, Record<string, Record<string, number | null>>>;
  const cells = {} as Record<TableId, Record<string, Record<string, PrintedCell>>>;
  for (const t of TABLE_IDS) {
    const def = FORMATS[report.format].tables[t];
    tables[t] = {};
    cells[t] = {};
    for (const row of def.rows) {
      const present = report.tables[t][row.id];
      if (!present) continue;
      const values: Record<string, number | null> = {};
      const texts: Record<string, PrintedCell> = {};
      for (const column of row.columns) {
        const cell = present[column];
        if (!cell) continue;
        const encoded = encodeCell(cell, columnKind(def, column));
        values[column] = encoded.value;
        if (encoded.printed !== undefined) texts[column] = encoded.printed;
      }
      tables[t][row.id] = values;
      if (Object.keys(texts).length) cells[t][row.id] = texts;
    }
  }
  return {
    schema: REPORT_JSON_SCHEMA,
    agency: report.agency,
    year: report.year,
    format: report.format,
    title: report.title,
    sections: { ...report.sections },
    tables,
    cells,
    missingTables: [...report.missingTables],
    notes: report.notes.map((n) => ({ ...n })),
  };
}

export function renderReportJson(report: Report): string {
  return `${JSON.stringify(reportToJson(report), null, 2)}\n`;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += out ? `.${String(key)}` : String(key);
    else out += `["${String(key)}"]`;
  }
  return out || '（根）';
}

function decodeCell(
  value: number | null,
  printedCell: PrintedCell | undefined,
  kind: ReturnType<typeof columnKind>,
  where: string,
  issues: string[],
): Cell {
  if (printedCell !== undefined && typeof printedCell !== 'string') {
    const numeric = printedCell.kind === 'number' || printedCell.kind === 'change';
    if (numeric !== (value !== null)) {
      issues.push(`${where}：cells 中标为 ${printedCell.kind}，但 tables 中的值为 ${value === null ? 'null' : value}`);
      return BLANK;
    }
    if (printedCell.kind === 'number') return num(value as number, printedCell.raw);
    if (printedCell.kind === 'change') return change(value as number, printedCell.raw);
    return { kind: printedCell.kind, raw: printedCell.raw };
  }
  if (value === null) {
    if (printedCell === undefined) return BLANK;
    return isDashText(printedCell) ? { kind: 'dash', raw: printedCell } : { kind: 'text', raw: printedCell };
  }
  if (kind === 'change') return printedCell === undefined ? change(value) : change(value, printedCell);
  return printedCell === undefined ? num(value) : num(value, printedCell);
}

function decodeTable(
  format: FormatId,
  table: TableId,
  values: Record<string, Record<string, number | null>>,
  texts: Record<string, Record<string, PrintedCell>> | undefined,
  issues: string[],
): TableCells {
  const def = FORMATS[format].tables[table];
  const out: Record<string, Record<string, Cell>> = {};
  for (const [rowId, row] of Object.entries(values)) {
    const rowDef = def.rows.find((r) => r.id === rowId);
    if (!rowDef) {
      issues.push(`tables.${table}：${format} 格式的此表没有行 "${rowId}"`);
      continue;
    }
    for (const column of Object.keys(row)) {
      if (!rowDef.columns.includes(column)) issues.push(`tables.${table}["${rowId}"]：${format} 格式的此行没有列 "${column}"`);
    }
  }
  for (const [rowId, row] of Object.entries(texts ?? {})) {
    for (const column of Object.keys(row)) {
      if (values[rowId]?.[column] === undefined) {
        issues.push(`cells.${table}["${rowId}"].${column}：tables 中没有这个单元格`);
      }
    }
  }
  for (const rowDef of def.rows) {
    const cells: Record<string, Cell> = {};
    for (const column of rowDef.columns) {
      const value = values[rowDef.id]?.[column];
      const where = `tables.${table}["${rowDef.id}"].${column}`;
      // A cell the document leaves out is blank, as on a printed form.
      cells[column] = value === undefined ? BLANK : decodeCell(value, texts?.[rowDef.id]?.[column], columnKind(def, column), where, issues);
    }
    out[rowDef.id] = cells;
  }
  return out;
}

/**
 * Reads a gongkai JSON report. Throws ReportJsonError (Chinese message, each problem with its path) when the text
 * is not JSON, not a gongkai report, or names rows or columns its format does not have.
 */
export function parseReportJson(text: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new ReportJsonError([`不是有效的 JSON（${(error as Error).message}）`]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ReportJsonError(['顶层应为一个对象']);
  }
  const schema = (data as Record<string, unknown>).schema;
  if (schema !== REPORT_JSON_SCHEMA) {
    throw new ReportJsonError([`不是 gongkai 报告 JSON：schema 应为 "${REPORT_JSON_SCHEMA}"，实际为 ${JSON.stringify(schema) ?? '（缺失）'}`]);
  }
  const parsed = reportJsonSchema.safeParse(data, { error: z.locales.zhCN().localeError });
  if (!parsed.success) {
    throw new ReportJsonError(parsed.error.issues.map((i) => `${formatPath(i.path)}：${i.message}`));
  }
  const doc = parsed.data;
  const issues: string[] = [];
  const tables = {} as Record<TableId, TableCells>;
  for (const t of TABLE_IDS) tables[t] = decodeTable(doc.format, t, doc.tables[t], doc.cells?.[t], issues);
  if (issues.length) throw new ReportJsonError(issues);

  const sections: Partial<Record<SectionId, Section>> = {};
  for (const id of SECTION_IDS) {
    const s = doc.sections[id];
    if (s) sections[id] = { heading: s.heading, text: s.text };
  }
  const notes: ExtractionNote[] = (doc.notes ?? []).map((n) => ({ ...n }));
  return {
    agency: doc.agency,
    year: doc.year,
    format: doc.format,
    title: doc.title,
    sections,
    tables,
    missingTables: doc.missingTables,
    notes,
  };
}
