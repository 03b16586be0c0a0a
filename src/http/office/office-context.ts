/** What the office routes share: the use-case context of the signed-in actor, the agencies they work in, ids, HTML replies. */
import type { FastifyReply } from 'fastify';
import { agenciesOf } from '../../modules/accounts/policy.ts';
import { getAgency } from '../../modules/agencies/use-cases/get-agency.ts';
import { listSubordinates } from '../../modules/agencies/use-cases/list-subordinates.ts';
import type { UseCaseContext } from '../../modules/applications/use-cases/context.ts';
import type { AppDeps } from '../app-deps.ts';
import type { AgencyChoice } from '../views/office/dashboard-page.tsx';
import type { OfficeSession } from './session.ts';

export function staffContext(deps: AppDeps, session: OfficeSession): UseCaseContext {
  return { db: deps.db, actor: session.actor, clock: deps.clock, calendar: deps.calendar };
}

/** The agencies a staff member works in, and for a supervisor every agency below (Art. 49). */
export async function agencyChoices(deps: AppDeps, session: OfficeSession): Promise<AgencyChoice[]> {
  const ctx = { db: deps.db, actor: session.actor, clock: deps.clock };
  const choices: AgencyChoice[] = [];
  for (const id of agenciesOf(session.actor)) {
    choices.push({ id, name: (await getAgency(ctx, id)).name, below: false });
    if (!session.actor.roles.some((r) => r.agencyId === id && r.role === 'supervisor')) continue;
    for (const a of await listSubordinates(ctx, id)) {
      if (!choices.some((c) => c.id === a.id)) choices.push({ id: a.id, name: a.name, below: true });
    }
  }
  return choices;
}

/** A positive id from a URL or form; 0 (which every use case refuses) for anything else. */
export function parseId(raw: string | undefined): number {
  return raw !== undefined && /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
}

export function html(reply: FastifyReply, status = 200): FastifyReply {
  return reply.status(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
}
