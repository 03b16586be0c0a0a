/** Every query of the accounts module (Kysely), nothing else: users, their roles, sessions and API tokens. */
import type { Kysely, Transaction } from 'kysely';
import type { ApiToken, Database, NewApiToken, NewSession, NewUser, Role, Session, User, UserRole } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

// --- users and roles ---

export async function insertUser(db: Db, row: NewUser): Promise<User> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findUser(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Names of users by id (for showing who acted); ids that do not exist are simply absent. */
export async function userNames(db: Db, ids: readonly number[]): Promise<{ id: number; username: string; display_name: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', [...ids]).execute();
}

/** Names of API tokens by id. */
export async function tokenNames(db: Db, ids: readonly number[]): Promise<{ id: number; name: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('api_tokens').select(['id', 'name']).where('id', 'in', [...ids]).execute();
}

export async function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function listRolesOfUser(db: Db, userId: number): Promise<UserRole[]> {
  return db.selectFrom('user_roles').selectAll().where('user_id', '=', userId).orderBy('agency_id').orderBy('role').execute();
}

export async function insertRoles(db: Db, rows: readonly UserRole[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('user_roles')
    .values([...rows])
    .onConflict((oc) => oc.columns(['user_id', 'agency_id', 'role']).doNothing())
    .execute();
}

/** Number of rows removed (0 when the user did not hold the role). */
export async function deleteRole(db: Db, role: UserRole): Promise<number> {
  const result = await db
    .deleteFrom('user_roles')
    .where('user_id', '=', role.user_id)
    .where('agency_id', '=', role.agency_id)
    .where('role', '=', role.role)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface AgencyUserRow {
  readonly id: number;
  readonly username: string;
  readonly display_name: string;
  readonly disabled_at: string | null;
  readonly locked_until: string | null;
  readonly role: Role;
}

/** The users holding a role in one agency, one row per (user, role). */
export async function listUsersOfAgency(db: Db, agencyId: number): Promise<AgencyUserRow[]> {
  return db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.disabled_at', 'users.locked_until', 'user_roles.role'])
    .where('user_roles.agency_id', '=', agencyId)
    .orderBy('users.username')
    .orderBy('user_roles.role')
    .execute();
}

/** Counts one more failed sign-in; from `maxFailures` on, locks the account until `lockUntil` and starts counting afresh. */
export async function recordFailedSignIn(db: Db, userId: number, maxFailures: number, lockUntil: string): Promise<{ locked: boolean }> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  if (row.failed_logins < maxFailures) return { locked: false };
  await db.updateTable('users').set({ failed_logins: 0, locked_until: lockUntil }).where('id', '=', userId).execute();
  return { locked: true };
}

export async function clearFailedSignIns(db: Db, userId: number): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function setPasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function setUserDisabled(db: Db, userId: number, at: string): Promise<void> {
  await db.updateTable('users').set({ disabled_at: at }).where('id', '=', userId).execute();
}

// --- sessions ---

export async function insertSession(db: Db, row: NewSession): Promise<Session> {
  return db.insertInto('sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findSessionByHash(db: Db, tokenHash: string): Promise<Session | undefined> {
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function revokeSessionById(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function revokeSessionsOfUser(db: Db, userId: number, at: string): Promise<number> {
  const result = await db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// --- API tokens ---

export async function insertApiToken(db: Db, row: NewApiToken): Promise<ApiToken> {
  return db.insertInto('api_tokens').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findApiToken(db: Db, id: number): Promise<ApiToken | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiToken | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function markApiTokenUsed(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeApiTokenById(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function revokeApiTokensOfUser(db: Db, userId: number, at: string): Promise<number> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
