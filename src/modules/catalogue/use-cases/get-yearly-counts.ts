import { authorize } from '../../applications/applications.policy.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { listYearlyCounts } from '../catalogue.repository.ts';
import { getYearlyCountsSchema } from '../catalogue.schemas.ts';

export interface YearlyCell {
  readonly row: string;
  readonly column: string;
  readonly value: string;
}

/** The table 二 cells entered for one agency's year. */
export async function getYearlyCounts(ctx: UseCaseContext, input: unknown): Promise<YearlyCell[]> {
  const i = parseInput(getYearlyCountsSchema, input);
  await authorize(ctx.db, ctx.actor, 'catalogue.read', i.agencyId);
  return (await listYearlyCounts(ctx.db, i.agencyId, i.year)).map((r) => ({ row: r.row_id, column: r.column_id, value: r.value }));
}
