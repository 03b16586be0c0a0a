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

/**
 * How long a found agency is kept by the portal (every portal page reads one). Agencies are created, not edited,
 * through gongkai today; an edit of the disclosure office would show within this time. An unknown code is never
 * kept, so a new agency shows at once.
 */
const AGENCY_KEPT_MS = 5_000;
const AGENCIES_KEPT = 10_000;
const kept = new WeakMap<AppDeps['db'], Map<string, { readonly agency: AgencyView; readonly until: number }>>();

/** One agency by its URL code; AppError agency.notFound (404) for an unknown code. */
export async function publicAgency(deps: AppDeps, code: string): Promise<AgencyView> {
  let byCode = kept.get(deps.db);
  if (!byCode) kept.set(deps.db, (byCode = new Map()));
  const hit = byCode.get(code);
  if (hit && hit.until > Date.now()) return hit.agency;
  // A URL code is at most 40 characters (agencies.schemas.ts); a longer one cannot exist and is not looked up.
  const agency = await getAgencyByCode(publicInformationContext(deps), code.length <= 40 ? code : '');
  if (byCode.size >= AGENCIES_KEPT) byCode.clear();
  byCode.set(code, { agency, until: Date.now() + AGENCY_KEPT_MS });
  return agency;
}
