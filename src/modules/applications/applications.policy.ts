/**
 * The one place the use cases of applications, the catalogue and remedies ask who may do what: an adapter over the
 * accounts module's policy (src/modules/accounts/policy.ts), giving it the agency hierarchy for a supervisor's
 * read access (Art. 49). Refusals are AppError `access.denied`.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { actorLabel, authorize as authorizeActor, type Action, type Actor } from '../accounts/policy.ts';
import { subordinatesIn } from '../agencies/agencies.repository.ts';

export type { Action, Actor };
export { actorLabel };

/** Throws `access.denied` unless the actor may do `action` in the agency. */
export async function authorize(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  action: Action,
  agencyId: number,
): Promise<void> {
  await authorizeActor(actor, action, agencyId, subordinatesIn(db));
}

/** The role recorded with an extension (Art. 33): reviewer if the actor acts as one in the agency. */
export function staffRoleIn(actor: Actor, agencyId: number): 'clerk' | 'reviewer' {
  if (actor.kind === 'staff') return actor.roles.some((r) => r.agencyId === agencyId && r.role === 'reviewer') ? 'reviewer' : 'clerk';
  if (actor.kind === 'token') return actor.agencyId === agencyId && actor.role === 'reviewer' ? 'reviewer' : 'clerk';
  return 'clerk';
}
