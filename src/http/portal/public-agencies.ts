/**
 * The agencies as the public sees them: name, code, kind, hierarchy and disclosure office (Art. 20(2), Art. 24 make
 * these public). Read through the agencies module's listAgencies; see app-deps.ts on the reading context.
 */
import { AppError } from '../../errors.ts';
import type { AgencyView } from '../../modules/agencies/agency-view.ts';
import { listAgencies } from '../../modules/agencies/use-cases/list-agencies.ts';
import { publicInformationContext, type AppDeps } from '../app-deps.ts';

export async function publicAgencies(deps: AppDeps): Promise<AgencyView[]> {
  return listAgencies(publicInformationContext(deps));
}

/** One agency by its URL code; AppError agency.notFound (404) for an unknown code. */
export async function publicAgency(deps: AppDeps, code: string): Promise<AgencyView> {
  const agency = (await publicAgencies(deps)).find((a) => a.code === code);
  if (!agency) throw new AppError('agency.notFound', '找不到该机关，请从机关目录进入。', { code });
  return agency;
}
