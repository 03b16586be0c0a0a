import { describe, expect, it } from 'vitest';
import { insertHierarchy } from '../../../../test/factories/agency-factory.ts';
import { insertUser } from '../../../../test/factories/user-factory.ts';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import { describeActors } from './describe-actors.ts';

describe.each(testDatabases())('describeActors on $name', (target) => {
  const t = useTestDatabase(target);

  it('names users and tokens, says what a system actor and the public are, and leaves an unknown label as it is', async () => {
    const h = await insertHierarchy(t.db);
    const clerk = await insertUser(t.db, [{ agencyId: h.a, role: 'clerk' }], { username: `lisi${target.name}`, display_name: '李四' });
    const token = await t.db
      .insertInto('api_tokens')
      .values({ user_id: clerk.user.id, agency_id: h.a, name: 'OA对接', role: 'clerk', token_hash: `hash-${target.name}`, created_at: '2025-03-10T00:00:00.000Z', expires_at: null, last_used_at: null, revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const staff = { kind: 'staff', userId: clerk.user.id, name: '李四', roles: [{ agencyId: h.a, role: 'clerk' }] } as const;
    const labels = [`user:${clerk.user.id}`, `token:${token.id}`, 'system:scheduler', 'system:other', 'public', 'user:999999', 'user:12abc'];
    const names = await describeActors({ db: t.db, actor: staff, clock: { now: () => new Date() } }, labels);
    expect(Object.fromEntries(names)).toEqual({
      [`user:${clerk.user.id}`]: `李四（lisi${target.name}）`,
      [`token:${token.id}`]: '接口令牌“OA对接”',
      'system:scheduler': '系统（每日定时任务）',
      'system:other': '系统（other）',
      public: '公众（网上提交）',
      'user:999999': 'user:999999',
      'user:12abc': 'user:12abc',
    });
  });

  it('is refused to the public', async () => {
    await expect(describeActors({ db: t.db, actor: { kind: 'public' }, clock: { now: () => new Date() } }, ['user:1'])).rejects.toMatchObject({ code: 'access.denied' });
  });
});
