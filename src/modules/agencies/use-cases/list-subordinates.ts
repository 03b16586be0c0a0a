import type { UseCaseContext } from '../../accounts/context.ts';
import { authorize } from '../../accounts/policy.ts';
import { listAgencies, listSubordinateIds, subordinatesIn } from '../agencies.repository.ts';
import { toAgencyView, type AgencyView } from '../agency-view.ts';
import { readableAgencyIds } from '../readable-agencies.ts';

/**
 * Every agency below `agencyId`, all levels down (Art. 49: the agencies whose reports come up to it), limited to
 * those the actor may read: a supervisor sees them all, a clerk of the county government none of its departments.
 */
export async function listSubordinates(ctx: UseCaseContext, agencyId: number): Promise<AgencyView[]> {
  await authorize(ctx.actor, 'agency.read', agencyId, subordinatesIn(ctx.db));
  const [below, readable] = await Promise.all([listSubordinateIds(ctx.db, agencyId), readableAgencyIds(ctx.db, ctx.actor)]);
  const ids = readable === 'all' ? below : below.filter((id) => readable.has(id));
  return (await listAgencies(ctx.db, { ids })).map(toAgencyView);
}
