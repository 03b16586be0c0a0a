import { AppError } from '../../../errors.ts';
import type { UseCaseContext } from '../../accounts/context.ts';
import { authorize } from '../../accounts/policy.ts';
import { findAgency, subordinatesIn } from '../agencies.repository.ts';
import { toAgencyView, type AgencyView } from '../agency-view.ts';

/** One agency, for an actor who may read it (its own staff, a supervisor above it). */
export async function getAgency(ctx: UseCaseContext, agencyId: number): Promise<AgencyView> {
  await authorize(ctx.actor, 'agency.read', agencyId, subordinatesIn(ctx.db));
  const row = await findAgency(ctx.db, agencyId);
  if (!row) throw new AppError('agency.notFound', `机关（编号 ${agencyId}）不存在。`);
  return toAgencyView(row);
}
