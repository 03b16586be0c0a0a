import { authorize } from '../../applications/applications.policy.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { listRemedies } from '../remedies.repository.ts';
import { listRemediesSchema } from '../remedies.schemas.ts';
import { remedyView, type RemedyView } from './remedy-view.ts';

/** An agency's reconsideration and litigation cases, by filing date (a year's are what its table 四 counts). */
export async function listRemedyCases(ctx: UseCaseContext, input: unknown): Promise<RemedyView[]> {
  const i = parseInput(listRemediesSchema, input);
  await authorize(ctx.db, ctx.actor, 'remedy.read', i.agencyId);
  return (await listRemedies(ctx.db, i)).map(remedyView);
}
