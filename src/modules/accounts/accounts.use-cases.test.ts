import { describe, expect, it } from 'vitest';
import { insertHierarchy, type TestHierarchy } from '../../../test/factories/agency-factory.ts';
import { insertUser, TEST_PASSWORD } from '../../../test/factories/user-factory.ts';
import { testDatabases, useTestDatabase } from '../../../test/support/databases.ts';
import { AppError } from '../../errors.ts';
import { verifyAuditChain } from '../audit/audit.repository.ts';
import type { AccountSettings } from './context.ts';
import type { Actor, Role } from './policy.ts';
import { createApiToken } from './use-cases/create-api-token.ts';
import { createUser } from './use-cases/create-user.ts';
import { disableUser } from './use-cases/disable-user.ts';
import { grantRole } from './use-cases/grant-role.ts';
import { listUsers } from './use-cases/list-users.ts';
import { resolveApiToken } from './use-cases/resolve-api-token.ts';
import { resolveSession } from './use-cases/resolve-session.ts';
import { revokeApiToken } from './use-cases/revoke-api-token.ts';
import { revokeRole } from './use-cases/revoke-role.ts';
import { signIn } from './use-cases/sign-in.ts';
import { signOut } from './use-cases/sign-out.ts';
import { hashToken } from './secret-token.ts';

const settings: AccountSettings = { loginMaxFailures: 3, loginLockMinutes: 15, sessionTtlHours: 12 };

/** A clock the test moves forward. */
function movableClock(start: string) {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each(testDatabases())('accounts on $name', (target) => {
  const t = useTestDatabase(target);
  const clock = movableClock('2026-03-02T01:00:00.000Z');
  const ctx = (actor: Actor) => ({ db: t.db, actor, clock });
  const as = async (roles: [number, Role][]) => (await insertUser(t.db, roles.map(([agencyId, role]) => ({ agencyId, role })))).actor;
  let h: TestHierarchy;
  let adminA: Actor;

  it('an admin creates a user with roles in their agency; the password is stored only as a scrypt hash', async () => {
    h = await insertHierarchy(t.db);
    adminA = await as([[h.a, 'admin']]);
    const user = await createUser(ctx(adminA), { username: ' Li.Si ', displayName: '李四', password: 'gongkai-2026!', roles: [{ agencyId: h.a, role: 'clerk' }] });
    expect(user).toMatchObject({ username: 'li.si', displayName: '李四', disabled: false, roles: [{ agencyId: h.a, role: 'clerk' }] });
    const row = await t.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$ln=15,r=8,p=1\$/);
    expect(row.password_hash).not.toContain('gongkai-2026!');
    const entry = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.created').executeTakeFirstOrThrow();
    expect([entry.agency_id, entry.subject, JSON.parse(entry.details)]).toEqual([h.a, `user:${user.id}`, { roles: ['clerk'], username: 'li.si' }]);
  });

  it('refuses malformed user input with the field and a Chinese message, storing nothing', async () => {
    const before = await t.db.selectFrom('users').selectAll().orderBy('id').execute();
    const roles = [{ agencyId: h.a, role: 'clerk' }];
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ password: 'short-1' }, 'password', /至少需要10个字符/],
      [{ password: '12345678901' }, 'password', /同一类字符/],
      [{ password: 'wangwu-2026-ok' }, 'password', /用户名/],
      [{ username: '王五' }, 'username', /用户名为3至40位/],
      [{ displayName: '' }, 'displayName', /请填写姓名/],
      [{ roles: [] }, 'roles', /至少指定一个角色/],
      [{ roles: [{ agencyId: h.a, role: 'boss' }] }, 'roles.0.role', /角色只能是/],
    ];
    for (const [change, path, message] of cases) {
      const error = await refusal(createUser(ctx(adminA), { username: 'wangwu', displayName: '王五', password: 'gongkai-2026!', roles, ...change } as never));
      expect(error.code).toBe('input.invalid');
      expect(error.details['issues']).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]));
    }
    expect((await refusal(createUser(ctx(adminA), { username: 'li.si', displayName: '重名', password: 'gongkai-2026!', roles: roles as never }))).code).toBe(
      'account.usernameTaken',
    );
    expect(await t.db.selectFrom('users').selectAll().orderBy('id').execute()).toEqual(before);
  });

  describe('tenant isolation: staff of agency A calling every accounts use case on agency B', () => {
    it('is refused for every role of A, and for a supervisor above B (who reads but never manages)', async () => {
      const victim = await insertUser(t.db, [{ agencyId: h.b, role: 'clerk' }]);
      const tokenB = await createApiToken(ctx(await as([[h.b, 'admin']])), { agencyId: h.b, role: 'clerk', name: '财务系统' });
      const snapshot = async () => ({
        users: await t.db.selectFrom('users').selectAll().orderBy('id').execute(),
        roles: await t.db.selectFrom('user_roles').selectAll().orderBy('user_id').orderBy('agency_id').orderBy('role').execute(),
        tokens: await t.db.selectFrom('api_tokens').selectAll().orderBy('id').execute(),
        audit: await t.db.selectFrom('audit_log').select(['agency_id', 'seq']).orderBy('agency_id').orderBy('seq').execute(),
      });
      const before = await snapshot();
      const outsiders = [adminA, await as([[h.a, 'clerk']]), await as([[h.a, 'reviewer']]), await as([[h.a, 'supervisor']]), await as([[h.county, 'supervisor']]), await as([[h.county, 'admin']])];
      const afterOutsiders = await snapshot();
      for (const actor of outsiders) {
        const calls: (() => Promise<unknown>)[] = [
          () => createUser(ctx(actor), { username: `intruder${Math.random().toString(36).slice(2, 8)}`, displayName: '冒名', password: 'gongkai-2026!', roles: [{ agencyId: h.b, role: 'admin' }] }),
          () => grantRole(ctx(actor), { userId: victim.user.id, agencyId: h.b, role: 'admin' }),
          () => revokeRole(ctx(actor), { userId: victim.user.id, agencyId: h.b, role: 'clerk' }),
          () => listUsers(ctx(actor), h.b),
          () => disableUser(ctx(actor), victim.user.id),
          () => createApiToken(ctx(actor), { agencyId: h.b, role: 'reviewer', name: '越权' }),
          () => revokeApiToken(ctx(actor), tokenB.id),
        ];
        for (const call of calls) expect((await refusal(call())).code).toBe('access.denied');
      }
      expect(before.users.length).toBeLessThan(afterOutsiders.users.length); // the outsiders themselves were added
      expect(await snapshot()).toEqual(afterOutsiders);
    });

    it('an admin of A cannot grant themselves a role in B, nor disable a user who also works for B', async () => {
      const both = await insertUser(t.db, [{ agencyId: h.a, role: 'clerk' }, { agencyId: h.b, role: 'clerk' }]);
      expect((await refusal(disableUser(ctx(adminA), both.user.id))).code).toBe('access.denied');
      const self = adminA.kind === 'staff' ? adminA.userId : 0;
      expect((await refusal(grantRole(ctx(adminA), { userId: self, agencyId: h.b, role: 'admin' }))).code).toBe('access.denied');
    });

    it('the admin of A lists only A’s staff, with their roles in A only', async () => {
      const both = await insertUser(t.db, [{ agencyId: h.a, role: 'reviewer' }, { agencyId: h.b, role: 'admin' }]);
      const users = await listUsers(ctx(adminA), h.a);
      expect(users.find((u) => u.id === both.user.id)?.roles).toEqual(['reviewer']);
      const rolesSeen = await t.db.selectFrom('user_roles').select('user_id').where('agency_id', '=', h.a).distinct().execute();
      expect(users.map((u) => u.id).sort()).toEqual(rolesSeen.map((r) => r.user_id).sort());
    });
  });

  it('grants and revokes roles (audited once each; repeating changes nothing)', async () => {
    const user = await insertUser(t.db, [{ agencyId: h.a, role: 'clerk' }]);
    const count = async () => (await t.db.selectFrom('audit_log').select('id').where('subject', '=', `user:${user.user.id}`).execute()).length;
    expect((await grantRole(ctx(adminA), { userId: user.user.id, agencyId: h.a, role: 'reviewer' })).roles).toEqual([
      { agencyId: h.a, role: 'clerk' },
      { agencyId: h.a, role: 'reviewer' },
    ]);
    await grantRole(ctx(adminA), { userId: user.user.id, agencyId: h.a, role: 'reviewer' });
    expect(await count()).toBe(1);
    expect((await revokeRole(ctx(adminA), { userId: user.user.id, agencyId: h.a, role: 'clerk' })).roles).toEqual([{ agencyId: h.a, role: 'reviewer' }]);
    expect(await count()).toBe(2);
    expect((await refusal(grantRole(ctx(adminA), { userId: 999_999, agencyId: h.a, role: 'clerk' }))).code).toBe('account.notFound');
  });

  describe('sign-in, lock-out and sessions', () => {
    it('signs in with the right password: a session whose token is stored only as its sha256', async () => {
      const { user } = await insertUser(t.db, [{ agencyId: h.a, role: 'clerk' }]);
      const signed = await signIn({ db: t.db, clock, settings }, { username: user.username, password: TEST_PASSWORD });
      expect(Buffer.from(signed.token, 'base64url')).toHaveLength(32);
      expect(signed.actor).toEqual({ kind: 'staff', userId: user.id, name: user.display_name, roles: [{ agencyId: h.a, role: 'clerk' }] });
      expect(signed.expiresAt).toBe(new Date(clock.now().getTime() + 12 * 3_600_000).toISOString());
      const session = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
      expect(session.token_hash).toBe(hashToken(signed.token));
      expect(JSON.stringify(session)).not.toContain(signed.token);
      expect((await resolveSession({ db: t.db, clock }, signed.token)).actor.userId).toBe(user.id);
    });

    it('gives one answer for an unknown user and a wrong password', async () => {
      const { user } = await insertUser(t.db, [{ agencyId: h.a, role: 'clerk' }]);
      const unknown = await refusal(signIn({ db: t.db, clock, settings }, { username: 'nobody-here', password: TEST_PASSWORD }));
      const wrong = await refusal(signIn({ db: t.db, clock, settings }, { username: user.username, password: 'wrong-password-1' }));
      expect([unknown.code, unknown.message, unknown.details]).toEqual([wrong.code, wrong.message, wrong.details]);
      expect(unknown.code).toBe('account.signIn.failed');
    });

    it(`locks the account after ${settings.loginMaxFailures} failures for ${settings.loginLockMinutes} minutes, refusing even the right password, then lets it in`, async () => {
      const { user } = await insertUser(t.db, [{ agencyId: h.a, role: 'clerk' }]);
      const attempt = (password: string) => signIn({ db: t.db, clock, settings }, { username: user.username, password });
      const unknownAnswer = await refusal(signIn({ db: t.db, clock, settings }, { username: 'nobody-here', password: 'x' }));
      for (let i = 0; i < settings.loginMaxFailures; i++) await refusal(attempt('wrong-password-1'));
      const locked = await t.db.selectFrom('users').select(['locked_until', 'failed_logins']).where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(locked.locked_until).toBe(new Date(clock.now().getTime() + 15 * 60_000).toISOString());
      const whileLocked = await refusal(attempt(TEST_PASSWORD));
      expect([whileLocked.code, whileLocked.message]).toEqual([unknownAnswer.code, unknownAnswer.message]);
      expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
      clock.advance(15 * 60_000 + 1000);
      const signed = await attempt(TEST_PASSWORD);
      expect(signed.actor.userId).toBe(user.id);
      const cleared = await t.db.selectFrom('users').select(['locked_until', 'failed_logins']).where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(cleared).toEqual({ locked_until: null, failed_logins: 0 });
      const actions = await t.db.selectFrom('audit_log').select('action').where('subject', '=', `user:${user.id}`).orderBy('id').execute();
      expect(actions.map((a) => a.action)).toEqual(['account.signInFailed', 'account.signInFailed', 'account.locked']);
    });

    it('a success resets the failure count (failures must be in a row)', async () => {
      const { user } = await insertUser(t.db, [{ agencyId: h.a, role: 'clerk' }]);
      const attempt = (password: string) => signIn({ db: t.db, clock, settings }, { username: user.username, password });
      await refusal(attempt('wrong-password-1'));
      await refusal(attempt('wrong-password-1'));
      await attempt(TEST_PASSWORD);
      await refusal(attempt('wrong-password-1'));
      await refusal(attempt('wrong-password-1'));
      expect((await attempt(TEST_PASSWORD)).actor.userId).toBe(user.id);
    });

    it('ends a session at its expiry, on sign-out, and when the user is disabled', async () => {
      const { user } = await insertUser(t.db, [{ agencyId: h.a, role: 'clerk' }]);
      const login = () => signIn({ db: t.db, clock, settings }, { username: user.username, password: TEST_PASSWORD });
      const expiring = await login();
      clock.advance(12 * 3_600_000 - 1000);
      await resolveSession({ db: t.db, clock }, expiring.token);
      clock.advance(1000);
      expect((await refusal(resolveSession({ db: t.db, clock }, expiring.token))).code).toBe('account.session.invalid');

      const revoked = await login();
      await signOut({ db: t.db, clock }, revoked.token);
      expect((await refusal(resolveSession({ db: t.db, clock }, revoked.token))).code).toBe('account.session.invalid');
      await signOut({ db: t.db, clock }, revoked.token); // twice: nothing more happens

      const disabled = await login();
      await disableUser(ctx(adminA), user.id);
      expect((await refusal(resolveSession({ db: t.db, clock }, disabled.token))).code).toBe('account.session.invalid');
      expect((await refusal(login())).code).toBe('account.signIn.failed');
      for (const bogus of ['', 'x'.repeat(500), 'not-a-token']) {
        expect((await refusal(resolveSession({ db: t.db, clock }, bogus))).code).toBe('account.session.invalid');
      }
    });

    it('sees a role revoked after sign-in on the next request', async () => {
      const { user } = await insertUser(t.db, [{ agencyId: h.a, role: 'clerk' }, { agencyId: h.a, role: 'reviewer' }]);
      const signed = await signIn({ db: t.db, clock, settings }, { username: user.username, password: TEST_PASSWORD });
      await revokeRole(ctx(adminA), { userId: user.id, agencyId: h.a, role: 'reviewer' });
      expect((await resolveSession({ db: t.db, clock }, signed.token)).actor.roles).toEqual([{ agencyId: h.a, role: 'clerk' }]);
    });
  });

  describe('API tokens', () => {
    it('are shown once, stored hashed, and act as one role in one agency', async () => {
      const created = await createApiToken(ctx(adminA), { agencyId: h.a, role: 'clerk', name: '省级平台转办', expiresInDays: 30 });
      expect(created.token).toMatch(/^gk_[A-Za-z0-9_-]{43}$/);
      const row = await t.db.selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
      expect([row.token_hash, row.role, row.agency_id]).toEqual([hashToken(created.token), 'clerk', h.a]);
      expect(JSON.stringify(row)).not.toContain(created.token);
      const actor = await resolveApiToken({ db: t.db, clock }, created.token);
      expect(actor).toMatchObject({ kind: 'token', tokenId: created.id, agencyId: h.a, role: 'clerk' });
      // its scope: a clerk of A, nothing in B, never managing users
      expect((await refusal(listUsers(ctx(actor), h.a))).code).toBe('access.denied');
      expect((await refusal(createApiToken(ctx(actor), { agencyId: h.a, role: 'clerk', name: '自我复制' }))).code).toBe('access.denied');
      const { can } = await import('./policy.ts');
      expect(await can(actor, 'application.register', h.a, () => [])).toBe(true);
      expect(await can(actor, 'application.register', h.b, () => [])).toBe(false);
    });

    it('are never issued as admin, and refuse a malformed request with its field', async () => {
      const error = await refusal(createApiToken(ctx(adminA), { agencyId: h.a, role: 'admin' as never, name: '万能令牌' }));
      expect(error.details['issues']).toEqual([expect.objectContaining({ path: 'role', message: expect.stringMatching(/令牌不能管理用户/) })]);
      const days = await refusal(createApiToken(ctx(adminA), { agencyId: h.a, role: 'clerk', name: '长期', expiresInDays: 0 }));
      expect(days.details['issues']).toEqual([expect.objectContaining({ path: 'expiresInDays' })]);
    });

    it('stop working when they expire, are revoked, or their issuer is disabled', async () => {
      const expiring = await createApiToken(ctx(adminA), { agencyId: h.a, role: 'reviewer', name: '临时', expiresInDays: 1 });
      clock.advance(86_400_000);
      expect((await refusal(resolveApiToken({ db: t.db, clock }, expiring.token))).code).toBe('account.token.invalid');

      const revoked = await createApiToken(ctx(adminA), { agencyId: h.a, role: 'clerk', name: '吊销' });
      await resolveApiToken({ db: t.db, clock }, revoked.token);
      await revokeApiToken(ctx(adminA), revoked.id);
      expect((await refusal(resolveApiToken({ db: t.db, clock }, revoked.token))).code).toBe('account.token.invalid');

      const issuer = await as([[h.a, 'admin']]);
      const orphan = await createApiToken(ctx(issuer), { agencyId: h.a, role: 'clerk', name: '离职人员签发' });
      await disableUser(ctx(adminA), issuer.kind === 'staff' ? issuer.userId : 0);
      expect((await refusal(resolveApiToken({ db: t.db, clock }, orphan.token))).code).toBe('account.token.invalid');
      expect((await refusal(resolveApiToken({ db: t.db, clock }, 'gk_forged'))).code).toBe('account.token.invalid');
    });
  });

  it('leaves every audit chain verifiable after the use cases ran', async () => {
    const result = await verifyAuditChain(t.db);
    expect(result).toMatchObject({ ok: true });
    expect(result.checked).toBeGreaterThan(20);
  });
});
