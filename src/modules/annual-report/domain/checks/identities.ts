import type { Finding } from '../finding.ts';
import { TABLE_IDS, type FormatId } from '../formats/index.ts';
import type { Report } from '../report.ts';
import { fillBlankTotals } from './blank-totals.ts';
import { findingFor } from './codes.ts';
import { cellInTable, describeCell, describeCellEn, describeColumn, describeRow, tableName } from './describe.ts';
import { explain, type Explanation } from './explain.ts';
import { expectedTotal, isBroken, readValues, ruleInstances, type Instance, type Values } from './instances.ts';
import { tidy } from './order.ts';

/**
 * The sum identities of the format (domain §4: table 三 checks 1-3, table 四 group totals), one finding per root
 * cause: blank totals first, then the cell, row or column that accounts for the broken identities, and only what no
 * such explanation covers as plain broken identities.
 */
export function checkIdentities(report: Report): Finding[] {
  const instances = ruleInstances(report.format, report.missingTables);
  const values = readValues(report);
  const findings = fillBlankTotals(report, instances, values);
  for (const table of TABLE_IDS) {
    const own = instances.filter((i) => i.rule.table === table);
    for (const e of explain(own, values)) findings.push(explanationFinding(report.format, e));
    findings.push(...brokenIdentityFindings(report.format, own, values));
  }
  return findings;
}

function ruleNames(e: Explanation): string {
  const seen = new Set<string>();
  for (const s of e.suspects) for (const i of s.instances) seen.add(i.rule.description);
  return [...seen].join('；');
}

function explanationFinding(format: FormatId, e: Explanation): Finding {
  const first = e.suspects[0];
  if (!first) throw new Error('an explanation names at least one cell');
  const table = first.ref.table;
  const cells = e.suspects.map((s) => s.ref);
  const expectedOf = (s: (typeof e.suspects)[number]) => tidy(s.found - s.error);
  if (e.kind === 'cell') {
    const expected = expectedOf(first);
    return findingFor(`${table}.suspectCell`, {
      cells,
      expected,
      found: first.found,
      message: `${describeCell(format, first.ref)}可能填错：报告为${first.found}，按所在的勾稽关系应为${expected}（${ruleNames(e)}）`,
      messageEn: `${describeCellEn(first.ref)} is likely wrong: found ${first.found}, the identities through it give ${expected}`,
    });
  }
  const list = e.suspects
    .map((s) =>
      e.kind === 'row'
        ? `“${describeColumn(format, table, s.ref.column)}”列应为${expectedOf(s)}（报告为${s.found}）`
        : `${describeRow(format, table, s.ref.row)}行应为${expectedOf(s)}（报告为${s.found}）`,
    )
    .join('，');
  const where =
    e.kind === 'row' ? `${describeRow(format, table, first.ref.row)}行` : `“${describeColumn(format, table, first.ref.column)}”列`;
  const pairs = (f: (s: (typeof e.suspects)[number]) => number) =>
    e.suspects.map((s) => `${e.kind === 'row' ? s.ref.column : s.ref.row}=${f(s)}`).join('; ');
  return findingFor(`${table}.suspect${e.kind === 'row' ? 'Row' : 'Column'}`, {
    cells,
    expected: pairs(expectedOf),
    found: pairs((s) => s.found),
    message: `${tableName(table)}${where}的数字与勾稽关系不符，很可能是这一${e.kind === 'row' ? '行' : '列'}填错：${list}（${ruleNames(e)}）`,
    messageEn: `${table}: the ${e.kind} ${e.kind === 'row' ? first.ref.row : first.ref.column} likely holds the wrong numbers (expected ${pairs(expectedOf)})`,
  });
}

/** What no explanation accounts for: one finding per rule, listing where it fails. */
function brokenIdentityFindings(format: FormatId, instances: readonly Instance[], values: Values): Finding[] {
  const byRule = new Map<string, Instance[]>();
  for (const i of instances.filter((x) => isBroken(x, values))) {
    byRule.set(i.rule.code, [...(byRule.get(i.rule.code) ?? []), i]);
  }
  return [...byRule.values()].map((broken) => {
    const first = broken[0] as Instance;
    const rule = first.rule;
    const where = (i: Instance) =>
      rule.kind === 'rows'
        ? `“${describeColumn(format, rule.table, i.along)}”列的${describeRow(format, rule.table, rule.totalId)}`
        : cellInTable(format, i.total.ref);
    const exp = (i: Instance) => tidy(expectedTotal(i, values));
    const got = (i: Instance) => tidy(values.get(i.total.key) ?? 0);
    const detail = broken.map((i) => `${where(i)}为${got(i)}，按各项计算应为${exp(i)}`).join('；');
    const single = broken.length === 1;
    return findingFor(rule.code, {
      cells: broken.flatMap((i) => [i.total.ref, ...i.terms.filter((t) => t !== i.total).map((t) => t.ref)]),
      expected: single ? exp(first) : broken.map((i) => `${i.along}=${exp(i)}`).join('; '),
      found: single ? got(first) : broken.map((i) => `${i.along}=${got(i)}`).join('; '),
      message: `${tableName(rule.table)}不符合“${rule.description}”：${detail}`,
      messageEn: `${rule.table}: ${rule.descriptionEn} (fails along ${broken.map((i) => i.along).join(', ')})`,
    });
  });
}
