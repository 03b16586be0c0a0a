import { isBlankLike } from '../cell.ts';
import type { CellRef, Finding } from '../finding.ts';
import { FORMATS, type SumRule } from '../formats/index.ts';
import { getCell, type Report } from '../report.ts';
import { findingFor } from './codes.ts';
import { cellInTable, describeColumn, describeRow, tableName } from './describe.ts';
import { expectedTotal, isBroken, readValues, type Instance, type Values } from './instances.ts';
import { differs, tidy } from './order.ts';

interface Filled {
  readonly instance: Instance;
  readonly sum: number;
}

/** `applications.blankTotalRow` for a row rule, `…blankTotalColumn` for a column rule. */
export function blankTotalCode(rule: SumRule): string {
  return `${rule.table}.blankTotal${rule.kind === 'rows' ? 'Row' : 'Column'}`;
}

/**
 * Domain §4 check 4: a blank total whose parts are not zero is an error in itself. Each such total is filled with the
 * sum of its parts in `values`, so that the identities it is part of (一+二=三+四 for a blank （七）总计) do not fire
 * again for the same cause. Runs to a fixed point: a blank 总计 column can feed a blank （七）总计 row.
 * Identities with another side (the balance) never fill: they tell that something is off, not which cell.
 */
export function fillBlankTotals(report: Report, instances: readonly Instance[], values: Values): Finding[] {
  const pure = instances.filter((i) => (i.rule.otherSide ?? []).length === 0);
  // Blank totals, each with every identity it is the total of.
  const blank = new Map<string, Instance[]>();
  for (const i of pure) {
    const { table, row, column } = i.total.ref;
    if (isBlankLike(getCell(report, table, row, column))) blank.set(i.total.key, [...(blank.get(i.total.key) ?? []), i]);
  }
  // A blank total is filled only once the blank totals among its parts are (a blank 总计 column feeds （七）总计).
  const pending = new Set(blank.keys());
  const filled = new Map<string, Filled>();
  let progress = true;
  while (pending.size > 0 && progress) {
    progress = false;
    for (const key of [...pending]) {
      const own = blank.get(key) ?? [];
      const waiting = own.some((i) => i.terms.some((t) => t.key !== key && pending.has(t.key)));
      if (waiting) continue;
      pending.delete(key);
      progress = true;
      for (const instance of own) {
        const sum = tidy(expectedTotal(instance, values));
        if (!differs(sum, 0)) continue;
        values.set(key, sum);
        filled.set(key, { instance, sum });
        break;
      }
    }
  }
  revertContradictedFills(instances, values, filled, readValues(report));
  const byRule = new Map<string, Filled[]>();
  for (const f of filled.values()) byRule.set(f.instance.rule.code, [...(byRule.get(f.instance.rule.code) ?? []), f]);
  return [...byRule.values()].map((group) => blankFinding(report, group));
}

/**
 * A fill that breaks an identity which held while the blank read as 0 was a wrong guess: the blank meant 0 and a part
 * is what is wrong (自然人 mistyped under a correctly blank 总计). Such fills are undone, and the cell is left to the
 * explanation of the broken identities.
 */
function revertContradictedFills(
  instances: readonly Instance[],
  values: Values,
  filled: Map<string, Filled>,
  asPrinted: Values,
): void {
  const heldAsPrinted = new Set(instances.filter((i) => !isBroken(i, asPrinted)));
  let reverted = true;
  while (reverted) {
    reverted = false;
    for (const key of [...filled.keys()]) {
      const contradicted = instances.some(
        (i) => heldAsPrinted.has(i) && i.terms.some((t) => t.key === key) && isBroken(i, values),
      );
      if (!contradicted) continue;
      values.set(key, asPrinted.get(key) ?? 0);
      filled.delete(key);
      reverted = true;
    }
  }
}

function blankFinding(report: Report, group: readonly Filled[]): Finding {
  const first = group[0] as Filled;
  const rule = first.instance.rule;
  const format = report.format;
  const table = FORMATS[format].tables[rule.table];
  const cells: CellRef[] = group.map((g) => g.instance.total.ref);
  const name = tableName(rule.table);
  const code = blankTotalCode(rule);
  const listEn = group.map((g) => `${g.instance.along}=${g.sum}`).join(', ');
  const messageEn = `${rule.table}: the total ${rule.totalId} is blank but its parts are not zero (${listEn}); ${rule.descriptionEn}`;

  if (rule.kind === 'rows') {
    const rowName = describeRow(format, rule.table, rule.totalId);
    const rowDef = table.rows.find((r) => r.id === rule.totalId);
    const wholeRow = (rowDef?.columns ?? []).every((c) => isBlankLike(getCell(report, rule.table, rule.totalId, c)));
    // The 总计 column's sum is the headline; the per-column sums follow when there are several.
    const headline = group.find((g) => g.instance.along === 'total') ?? first;
    const perColumn = group.map((g) => `${describeColumn(format, rule.table, g.instance.along)}${g.sum}`).join('、');
    const detail = group.length > 1 ? `（${perColumn}）` : '';
    const message = wholeRow
      ? `${name}${rowName}行为空，但其各项之和为${headline.sum}${detail}`
      : group.length === 1
        ? `${name}${cellInTable(format, first.instance.total.ref)}为空，但其各项之和为${first.sum}`
        : `${name}${rowName}行的${group.map((g) => describeColumn(format, rule.table, g.instance.along)).join('、')}为空，但其各项之和分别为${group.map((g) => g.sum).join('、')}`;
    return findingFor(code, { cells, expected: headline.sum, found: null, message, messageEn });
  }

  const colName = describeColumn(format, rule.table, rule.totalId);
  const wholeColumn = table.rows
    .filter((r) => r.columns.includes(rule.totalId))
    .every((r) => isBlankLike(getCell(report, rule.table, r.id, rule.totalId)));
  const perRow = group.map((g) => `${describeRow(format, rule.table, g.instance.along)}（应为${g.sum}）`).join('、');
  const message =
    group.length === 1
      ? `${name}${cellInTable(format, first.instance.total.ref)}为空，但其各项之和为${first.sum}`
      : wholeColumn
        ? `${name}“${colName}”列为空，但以下各行的各项之和不为零：${perRow}`
        : `${name}“${colName}”列在以下各行为空，但其各项之和不为零：${perRow}`;
  const expected = group.length === 1 ? first.sum : group.map((g) => `${g.instance.along}=${g.sum}`).join('; ');
  return findingFor(code, { cells, expected, found: null, message, messageEn });
}
