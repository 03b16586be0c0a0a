import { valueForSum } from '../cell.ts';
import { cellKey, type CellRef } from '../finding.ts';
import { FORMATS, TABLE_IDS, type FormatId, type SumRule, type TableId } from '../formats/index.ts';
import { getCell, type Report } from '../report.ts';
import { differs } from './order.ts';

/** One term of an identity: parts count +1, the total and the other side −1, so a holding identity sums to 0. */
export interface Term {
  readonly ref: CellRef;
  readonly key: string;
  readonly coef: 1 | -1;
}

/** A SumRule applied along one column (row rule) or one row (column rule). */
export interface Instance {
  readonly rule: SumRule;
  /** The column (for a row rule) or row (for a column rule) the identity runs along. */
  readonly along: string;
  readonly total: Term;
  readonly terms: readonly Term[];
}

/** Cell values used in sums, by cell key; blank, dash and text read as 0 (domain §4 check 4). */
export type Values = Map<string, number>;

const term = (table: TableId, row: string, column: string, coef: 1 | -1): Term => {
  const ref = { table, row, column };
  return { ref, key: cellKey(ref), coef };
};

function hasCell(format: FormatId, table: TableId, row: string, column: string): boolean {
  return FORMATS[format].tables[table].rows.some((r) => r.id === row && r.columns.includes(column));
}

/** Every instance of every sum rule of the format, over the tables the report contains. */
export function ruleInstances(format: FormatId, missingTables: readonly TableId[] = []): Instance[] {
  const out: Instance[] = [];
  for (const rule of FORMATS[format].rules) {
    if (missingTables.includes(rule.table)) continue;
    const table = FORMATS[format].tables[rule.table];
    const has = (row: string, column: string) => hasCell(format, rule.table, row, column);
    if (rule.kind === 'rows') {
      const columns = rule.over.length > 0 ? rule.over : table.columns.map((c) => c.id);
      for (const column of columns) {
        if (!has(rule.totalId, column)) continue;
        const total = term(rule.table, rule.totalId, column, -1);
        const parts = rule.partIds.filter((r) => has(r, column)).map((r) => term(rule.table, r, column, 1));
        const other = (rule.otherSide ?? []).filter((r) => has(r, column)).map((r) => term(rule.table, r, column, -1));
        out.push({ rule, along: column, total, terms: [...parts, ...other, total] });
      }
    } else {
      const rows = rule.over.length > 0 ? rule.over : table.rows.map((r) => r.id);
      for (const row of rows) {
        if (!has(row, rule.totalId)) continue;
        const total = term(rule.table, row, rule.totalId, -1);
        const parts = rule.partIds.filter((c) => has(row, c)).map((c) => term(rule.table, row, c, 1));
        const other = (rule.otherSide ?? []).filter((c) => has(row, c)).map((c) => term(rule.table, row, c, -1));
        out.push({ rule, along: row, total, terms: [...parts, ...other, total] });
      }
    }
  }
  return out;
}

export function readValues(report: Report): Values {
  const values: Values = new Map();
  for (const table of TABLE_IDS) {
    for (const row of FORMATS[report.format].tables[table].rows) {
      for (const column of row.columns) {
        values.set(cellKey({ table, row: row.id, column }), valueForSum(getCell(report, table, row.id, column)));
      }
    }
  }
  return values;
}

/** Σ coef × value: 0 when the identity holds. */
export function residual(instance: Instance, values: Values): number {
  return instance.terms.reduce((sum, t) => sum + t.coef * (values.get(t.key) ?? 0), 0);
}

export function isBroken(instance: Instance, values: Values): boolean {
  return differs(residual(instance, values), 0);
}

/** The sum of the parts side (total excluded): what the total should be. */
export function expectedTotal(instance: Instance, values: Values): number {
  return residual(instance, values) + (values.get(instance.total.key) ?? 0);
}
