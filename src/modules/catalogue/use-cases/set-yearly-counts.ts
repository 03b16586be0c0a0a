/**
 * Table 二 cells that staff enter per year (licensing and penalty decisions, fees, procurement, the 2019 format's
 * 上一年项目数量 and 本年增/减): they replace what the catalogue counts when the annual report is built.
 */
import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import type { AuditDetails } from '../../audit/domain/chain.ts';
import { formatForYear, tableDef } from '../../annual-report/domain/formats/index.ts';
import { actorLabel, authorize } from '../../applications/applications.policy.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { deleteYearlyCount, upsertYearlyCount } from '../catalogue.repository.ts';
import { yearlyCountsSchema } from '../catalogue.schemas.ts';

import { getYearlyCounts, type YearlyCell } from './get-yearly-counts.ts';

export async function setYearlyCounts(ctx: UseCaseContext, input: unknown): Promise<YearlyCell[]> {
  const i = parseInput(yearlyCountsSchema, input);
  const format = formatForYear(i.year);
  const table = tableDef(format, 'proactive');
  for (const [n, cell] of i.cells.entries()) {
    const row = table.rows.find((r) => r.id === cell.row);
    const column = table.columns.find((c) => c.id === cell.column);
    if (!row || !column || !row.columns.includes(cell.column)) {
      throw new AppError('catalogue.yearlyCounts.unknownCell', `${i.year}年适用的${format}年版格式表二中没有“${cell.row} / ${cell.column}”这一格。`, {
        index: n,
        row: cell.row,
        column: cell.column,
        format,
      });
    }
    if (cell.value !== null && column.kind === 'count' && !/^\+?\d+$/.test(cell.value)) {
      throw new AppError('input.invalid', `“${row.label}”的“${column.label}”应为非负整数。`, {
        issues: [{ path: `cells.${n}.value`, message: `“${column.label}”应为非负整数` }],
      });
    }
  }
  await authorize(ctx.db, ctx.actor, 'catalogue.edit', i.agencyId);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const cell of i.cells) {
      const key = { agencyId: i.agencyId, year: i.year, row: cell.row, column: cell.column };
      if (cell.value === null) await deleteYearlyCount(trx, key);
      else await upsertYearlyCount(trx, { ...key, value: cell.value.replace(/^\+/, '') });
    }
    await appendAudit(trx, {
      agencyId: i.agencyId,
      actor: actorLabel(ctx.actor),
      action: 'catalogue.yearlyCountsSet',
      subject: `yearlyCounts:${i.year}`,
      details: { cells: i.cells.map((c) => ({ row: c.row, column: c.column, value: c.value })) } as AuditDetails,
      at: now,
    });
  });
  return getYearlyCounts(ctx, { agencyId: i.agencyId, year: i.year });
}
