import { AppError } from '../../../errors.ts';
import type { UseCaseContext } from '../../accounts/context.ts';
import { authorize } from '../../accounts/policy.ts';
import { findAgencyByCode, subordinatesIn } from '../agencies.repository.ts';
import { toAgencyView, type AgencyView } from '../agency-view.ts';

/** One agency by its code (the portal's URL), for an actor who may read it; agency.notFound for an unknown code. */
export async function getAgencyByCode(ctx: UseCaseContext, code: string): Promise<AgencyView> {
  const row = await findAgencyByCode(ctx.db, code);
  if (!row) throw new AppError('agency.notFound', '找不到该机关，请从机关目录进入。', { code });
  await authorize(ctx.actor, 'agency.read', row.id, subordinatesIn(ctx.db));
  return toAgencyView(row);
}
