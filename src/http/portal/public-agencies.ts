/**
 * The agencies as the public sees them: name, code, kind, hierarchy and disclosure office (Art. 20(2), Art. 24 make
 * these public). Read through the agencies module's listAgencies; see app-deps.ts on the reading context.
 */
import type { AgencyView } from '../../modules/agencies/agency-view.ts';
import { getAgencyByCode } from '../../modules/agencies/use-cases/get-agency-by-code.ts';
import { listAgencies } from '../../modules/agencies/use-cases/list-agencies.ts';
import { publicInformationContext, type AppDeps } from '../app-deps.ts';

export async function publicAgencies(deps: AppDeps): Promise<AgencyView[]> {
  return listAgencies(publicInformationContext(deps));
}

/** One agency by its URL code; AppError agency.notFound (404) for an unknown code. */
export async function publicAgency(deps: AppDeps, code: string): Promise<AgencyView> {
  // A URL code is at most 40 characters (agencies.schemas.ts); a longer one cannot exist and is not looked up.
  return getAgencyByCode(publicInformationContext(deps), code.length <= 40 ? code : '');
}
