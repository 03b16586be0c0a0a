import { FORMATS, type FormatId, type RowDef, type TableDef, type TableId } from '../formats/index.ts';
import type { CellRef } from '../finding.ts';

/**
 * The one place that names cells for people: rows by their printed labels (（七）总计, （三）不予公开 4.保护第三方合法权益),
 * columns by their headers (自然人, 总计), tables by the section they sit under.
 */

const TABLE_NAMES: Record<TableId, { zh: string; en: string }> = {
  proactive: { zh: '表二（主动公开）', en: 'table 2 (proactive disclosure)' },
  applications: { zh: '表三（申请情况）', en: 'table 3 (applications)' },
  remedies: { zh: '表四（复议诉讼）', en: 'table 4 (reconsideration and litigation)' },
};

export function tableName(table: TableId): string {
  return TABLE_NAMES[table].zh;
}

export function tableNameEn(table: TableId): string {
  return TABLE_NAMES[table].en;
}

/** Drops the printed explanatory note: （二）部分公开（区分处理的，…） → （二）部分公开. */
function shortLabel(label: string): string {
  return label.replace(/（[^（）]*）$/, '');
}

function rowDef(format: FormatId, table: TableId, row: string): RowDef | undefined {
  return FORMATS[format].tables[table].rows.find((r) => r.id === row);
}

/** A row as printed, with the spanning label it sits under: （三）不予公开 4.保护第三方合法权益. */
export function describeRow(format: FormatId, table: TableId, row: string): string {
  const def = FORMATS[format].tables[table];
  const r = rowDef(format, table, row);
  if (!r) return row;
  if (table === 'proactive') return r.label;
  if (table === 'remedies') return r.id === 'reconsideration' ? r.label : `行政诉讼（${r.label}）`;
  const own = `${r.marker}${shortLabel(r.label)}`;
  const group = groupOf(def, r);
  return group ? `${group.marker}${group.label} ${own}` : own;
}

function groupOf(def: TableDef, r: RowDef) {
  // 'results' (三、本年度办理结果) spans every outcome row; naming it adds nothing people need.
  if (!r.group || r.group === 'results') return undefined;
  return def.groups.find((g) => g.id === r.group);
}

export function describeColumn(format: FormatId, table: TableId, column: string): string {
  const c = FORMATS[format].tables[table].columns.find((col) => col.id === column);
  return c ? shortLabel(c.label) : column;
}

/** 表三（申请情况）“（七）总计”行“自然人”列 */
export function describeCell(format: FormatId, ref: CellRef): string {
  return `${tableName(ref.table)}${cellInTable(format, ref)}`;
}

/** The cell without the table name, for messages that already named it: “（七）总计”行“自然人”列. */
export function cellInTable(format: FormatId, ref: CellRef): string {
  const row = describeRow(format, ref.table, ref.row);
  const column = describeColumn(format, ref.table, ref.column);
  if (ref.table === 'proactive') {
    const block = FORMATS[format].tables.proactive.blocks.find((b) => b.rows.includes(ref.row));
    return `${block ? block.label : ''}“${row}”的“${column}”`;
  }
  // Table 四 prints one row of fifteen cells under a three-level header.
  if (ref.table === 'remedies') return `${row}的“${column}”`;
  return `“${row}”行“${column}”列`;
}

export function describeCellEn(ref: CellRef): string {
  return `${tableNameEn(ref.table)} row ${ref.row}, column ${ref.column}`;
}
