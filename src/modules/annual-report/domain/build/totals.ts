import { FORMATS, type FormatId, type SumRule, type TableId } from '../formats/index.ts';

/** Plain numbers by row id, then column id: a table while it is being built. */
export type Grid = Record<string, Record<string, number>>;

/** Every cell of the table, 0. */
export function zeroGrid(format: FormatId, table: TableId): Grid {
  const grid: Grid = {};
  for (const row of FORMATS[format].tables[table].rows) grid[row.id] = Object.fromEntries(row.columns.map((c) => [c, 0]));
  return grid;
}

/**
 * The format's sum rules that fix a total from its parts ((七)总计, the 总计 column, table 四 group totals). The
 * balance 一 + 二 = 三 + 四 has terms on both sides: it holds by the data (each application counted once on each
 * side), not by computing one side.
 */
export function totalRules(format: FormatId, table: TableId): SumRule[] {
  return FORMATS[format].rules.filter((r) => r.table === table && !r.otherSide);
}

/** The rows (row rules) and columns (column rules) the builder computes rather than takes from input. */
export function computedIds(format: FormatId, table: TableId): { rows: Set<string>; columns: Set<string> } {
  const rules = totalRules(format, table);
  return {
    rows: new Set(rules.filter((r) => r.kind === 'rows').map((r) => r.totalId)),
    columns: new Set(rules.filter((r) => r.kind === 'columns').map((r) => r.totalId)),
  };
}

/**
 * Writes every total from its parts, so the identities hold by construction: row totals first, then column totals
 * over every row (which recomputes the 总计 column of the total rows too).
 */
export function fillTotals(format: FormatId, table: TableId, grid: Grid): void {
  const def = FORMATS[format].tables[table];
  const rules = totalRules(format, table);
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  for (const rule of rules.filter((r) => r.kind === 'rows')) {
    const total = grid[rule.totalId];
    if (!total) continue;
    const columns = rule.over.length > 0 ? rule.over : def.columns.map((c) => c.id);
    for (const column of columns) {
      if (!(column in total)) continue;
      total[column] = sum(rule.partIds.map((row) => grid[row]?.[column] ?? 0));
    }
  }
  for (const rule of rules.filter((r) => r.kind === 'columns')) {
    const rows = rule.over.length > 0 ? rule.over : def.rows.map((r) => r.id);
    for (const rowId of rows) {
      const row = grid[rowId];
      if (!row || !(rule.totalId in row)) continue;
      row[rule.totalId] = sum(rule.partIds.map((column) => row[column] ?? 0));
    }
  }
}
