import type { Cell, ValueKind } from '../cell.ts';
import type { CellRef, Finding } from '../finding.ts';
import { FORMATS, TABLE_IDS } from '../formats/index.ts';
import { getCell, type Report } from '../report.ts';
import { finding } from './codes.ts';
import { describeCell, describeCellEn } from './describe.ts';

/**
 * Domain §4 check 4: every count cell holds a non-negative integer (blank and dash read as 0). A change (本年增/减) may
 * be negative but is still a whole number of items; money may carry decimals but is never negative.
 */
export function checkCellValues(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const table of TABLE_IDS) {
    if (report.missingTables.includes(table)) continue;
    const def = FORMATS[report.format].tables[table];
    for (const row of def.rows) {
      for (const column of row.columns) {
        const kind = def.columns.find((c) => c.id === column)?.kind ?? 'count';
        const ref = { table, row: row.id, column };
        const f = cellValueFinding(report, ref, getCell(report, table, row.id, column), kind);
        if (f) out.push(f);
      }
    }
  }
  return out;
}

const KIND_ZH: Record<ValueKind, string> = { count: '数量', change: '增减数', money: '金额' };

function cellValueFinding(report: Report, ref: CellRef, cell: Cell, kind: ValueKind): Finding | null {
  const where = describeCell(report.format, ref);
  const whereEn = describeCellEn(ref);
  if (cell.kind === 'text') {
    return finding('cells.text', {
      cells: [ref],
      expected: null,
      found: cell.raw,
      message: `${where}应填${KIND_ZH[kind]}，但填的是“${cell.raw}”`,
      messageEn: `${whereEn} should hold a ${kind} but holds the text "${cell.raw}"`,
    });
  }
  if (cell.kind !== 'number' && cell.kind !== 'change') return null;
  if (kind !== 'change' && cell.value < 0) {
    return finding('cells.negative', {
      cells: [ref],
      expected: null,
      found: cell.value,
      message: `${where}为负数（${cell.raw}），${KIND_ZH[kind]}不能小于0`,
      messageEn: `${whereEn} is negative (${cell.raw})`,
    });
  }
  if (kind !== 'money' && !Number.isInteger(cell.value)) {
    return finding('cells.notInteger', {
      cells: [ref],
      expected: null,
      found: cell.value,
      message: `${where}为小数（${cell.raw}），${KIND_ZH[kind]}应为整数`,
      messageEn: `${whereEn} is not a whole number (${cell.raw})`,
    });
  }
  return null;
}
