import type { Role } from '../../../db/schema.ts';
import { subordinatesIn } from '../../agencies/agencies.repository.ts';
import { listUsersOfAgency } from '../accounts.repository.ts';
import type { UseCaseContext } from '../context.ts';
import { authorize } from '../policy.ts';

export interface AgencyUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly disabled: boolean;
  readonly lockedUntil: string | null;
  /** The roles held in this agency (roles elsewhere are not shown to this agency's admin). */
  readonly roles: readonly Role[];
}

/** The staff of one agency, for its admin. */
export async function listUsers(ctx: UseCaseContext, agencyId: number): Promise<AgencyUser[]> {
  await authorize(ctx.actor, 'users.manage', agencyId, subordinatesIn(ctx.db));
  const byUser = new Map<number, { user: AgencyUser; roles: Role[] }>();
  for (const row of await listUsersOfAgency(ctx.db, agencyId)) {
    let entry = byUser.get(row.id);
    if (!entry) {
      const roles: Role[] = [];
      entry = {
        roles,
        user: { id: row.id, username: row.username, displayName: row.display_name, disabled: row.disabled_at !== null, lockedUntil: row.locked_until, roles },
      };
      byUser.set(row.id, entry);
    }
    entry.roles.push(row.role);
  }
  return [...byUser.values()].map((e) => e.user);
}
