/** The public API's response shapes: what leaves the server, named once. */
import type { AgencyView } from '../../modules/agencies/agency-view.ts';
import type { PublicStatus } from '../../modules/applications/use-cases/application-views.ts';
import type { Registered } from '../../modules/applications/use-cases/register-application.ts';

export function presentAgency(agency: AgencyView, byId: ReadonlyMap<number, AgencyView>) {
  return {
    code: agency.code,
    name: agency.name,
    kind: agency.kind,
    level: agency.level,
    regionCode: agency.regionCode,
    parentCode: agency.parentId === null ? null : (byId.get(agency.parentId)?.code ?? null),
    office: agency.office,
  };
}

/** 201 of POST /api/v1/agencies/{code}/applications; the secret appears here once and is never stored. */
export function presentRegistered(r: Registered) {
  return { trackingCode: r.trackingCode, secret: r.secret, receivedOn: r.receivedOn, dueOn: r.dueOn };
}

export function presentStatus(s: PublicStatus) {
  return {
    trackingCode: s.trackingCode,
    status: s.status,
    statusLabel: s.statusLabel,
    receivedOn: s.receivedOn,
    dueOn: s.dueOn,
    reply: s.reply,
  };
}
