import { isBlankLike, valueForSum } from '../cell.ts';
import type { Finding } from '../finding.ts';
import { FORMATS, type FormatId, type TableId } from '../formats/index.ts';
import { getCell, type Report } from '../report.ts';
import { finding } from './codes.ts';
import { describeCell, describeCellEn } from './describe.ts';
import { differs, sortFindings, tidy } from './order.ts';

/**
 * The value a child report holds for a parent's cell. A 2021-format parent's （六）1-3 cannot be read from a 2019-format
 * child's single （六）, so those cells are not compared (null); the other way round, 2019 （六） = Σ 2021 （六）1-3.
 */
function childValue(child: Report, parentFormat: FormatId, table: TableId, row: string, column: string): number | null {
  const has = FORMATS[child.format].tables[table].rows.some((r) => r.id === row && r.columns.includes(column));
  if (has) return valueForSum(getCell(child, table, row, column));
  if (table === 'applications' && row === 'other' && parentFormat === '2019') {
    return ['other.noSupplement', 'other.feeUnpaid', 'other.misc'].reduce(
      (s, r) => s + valueForSum(getCell(child, table, r, column)),
      0,
    );
  }
  return null;
}

/**
 * A government's consolidated report against the reports of the agencies below it (Art. 49): each cell of table 三,
 * table 四 and the count cells of table 二 against the children's sum. Warnings only: consolidation practice varies
 * (some governments report their own office only).
 */
export function checkConsolidated(parent: Report, children: readonly Report[]): Finding[] {
  const out: Finding[] = [];
  if (children.length === 0) return out;
  const mixed = children.filter((c) => c.format !== parent.format);
  if (mixed.length > 0) {
    out.push(
      finding('consolidated.mixedFormats', {
        cells: [],
        expected: parent.format,
        found: mixed.map((c) => c.agency ?? '（未知单位）').join('、'),
        message: `${mixed.length}份下级报告与汇总报告的格式不同，表二不作比对，表三“（六）其他处理”按可比口径比对`,
        messageEn: `${mixed.length} child report(s) use another format; table 2 is not compared for them`,
      }),
    );
  }
  for (const table of ['proactive', 'applications', 'remedies'] as const) {
    if (parent.missingTables.includes(table)) continue;
    const def = FORMATS[parent.format].tables[table];
    // Table 二 is compared in count columns only, and only when every child uses the parent's format.
    if (table === 'proactive' && mixed.length > 0) continue;
    const sources = children.filter((c) => !c.missingTables.includes(table));
    for (const row of def.rows) {
      for (const column of row.columns) {
        if (def.columns.find((c) => c.id === column)?.kind !== 'count') continue;
        const values = sources.map((c) => childValue(c, parent.format, table, row.id, column));
        if (values.some((v) => v === null)) continue;
        const sum = tidy(values.reduce<number>((s, v) => s + (v ?? 0), 0));
        const cell = getCell(parent, table, row.id, column);
        const found = valueForSum(cell);
        if (!differs(sum, found)) continue;
        const ref = { table, row: row.id, column };
        const shown = isBlankLike(cell) ? '空白' : String(found);
        out.push(
          finding('consolidated.cellMismatch', {
            cells: [ref],
            expected: sum,
            found,
            message: `汇总报告${describeCell(parent.format, ref)}为${shown}，但${sources.length}份下级报告之和为${sum}`,
            messageEn: `consolidated ${describeCellEn(ref)} is ${found}, the ${sources.length} child reports sum to ${sum}`,
          }),
        );
      }
    }
  }
  return sortFindings(parent.format, out);
}
