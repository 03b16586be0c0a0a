/** Which agencies an actor may read: the agencies where it holds a role, and every agency below a supervisor's. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ROLE_ACTIONS, type Actor } from '../accounts/policy.ts';
import { listSubordinateIds } from './agencies.repository.ts';

/** 'all' for gongkai itself; otherwise the set of agency ids `agency.read` is granted on. */
export async function readableAgencyIds(db: Kysely<Database> | Transaction<Database>, actor: Actor): Promise<ReadonlySet<number> | 'all'> {
  switch (actor.kind) {
    case 'system':
      return 'all';
    case 'public':
      return new Set();
    case 'token':
      return new Set(ROLE_ACTIONS[actor.role].has('agency.read') ? [actor.agencyId] : []);
    case 'staff': {
      const ids = new Set(actor.roles.filter((r) => ROLE_ACTIONS[r.role].has('agency.read')).map((r) => r.agencyId));
      for (const r of actor.roles) {
        if (r.role === 'supervisor') for (const id of await listSubordinateIds(db, r.agencyId)) ids.add(id);
      }
      return ids;
    }
  }
}
