import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';
import { findUser, listRolesOfUser } from '../accounts.repository.ts';
import type { StaffActor } from '../policy.ts';

/** A member of staff as an Actor, with the roles held now (for jobs and tests acting as a known user). */
export async function loadActor(db: Kysely<Database>, userId: number): Promise<StaffActor> {
  const user = await findUser(db, userId);
  if (!user || user.disabled_at !== null) throw new AppError('account.notFound', `用户（编号 ${userId}）不存在或已停用。`);
  const roles = await listRolesOfUser(db, userId);
  return { kind: 'staff', userId: user.id, name: user.display_name, roles: roles.map((r) => ({ agencyId: r.agency_id, role: r.role })) };
}
