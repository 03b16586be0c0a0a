/**
 * Staff accounts for tests and for the demo data: rows ready to insert, and `insertUser` storing one with its
 * roles (no use case, no audit) for a test's set-up. One known password, hashed once per process.
 */
import type { Kysely } from 'kysely';
import type { Database, NewUser, Role, User } from '../../src/db/schema.ts';
import { hashPassword } from '../../src/modules/accounts/password-hash.ts';
import type { StaffActor } from '../../src/modules/accounts/policy.ts';

export const TEST_PASSWORD = 'correct-horse-42';

let testHash: Promise<string> | undefined;

/** The scrypt hash of TEST_PASSWORD (computed once: each hash costs tens of milliseconds). */
export function testPasswordHash(): Promise<string> {
  testHash ??= hashPassword(TEST_PASSWORD);
  return testHash;
}

let sequence = 0;

/** A user row; `password_hash` must be given (hash it with hashPassword, or use testPasswordHash()). */
export function buildUser(overrides: Partial<NewUser> & { password_hash: string }): NewUser {
  sequence += 1;
  return {
    username: `user${process.pid}-${sequence}`,
    display_name: `测试用户${sequence}`,
    failed_logins: 0,
    locked_until: null,
    disabled_at: null,
    created_at: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export interface InsertedUser {
  readonly user: User;
  readonly actor: StaffActor;
  readonly password: string;
}

/** Inserts a user holding the given roles; its password is TEST_PASSWORD. */
export async function insertUser(
  db: Kysely<Database>,
  roles: readonly { readonly agencyId: number; readonly role: Role }[],
  overrides: Partial<NewUser> = {},
): Promise<InsertedUser> {
  const user = await db
    .insertInto('users')
    .values(buildUser({ password_hash: await testPasswordHash(), ...overrides }))
    .returningAll()
    .executeTakeFirstOrThrow();
  if (roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(roles.map((r) => ({ user_id: user.id, agency_id: r.agencyId, role: r.role })))
      .execute();
  }
  return { user, password: TEST_PASSWORD, actor: { kind: 'staff', userId: user.id, name: user.display_name, roles: [...roles] } };
}
