/** `gongkai agency create`, `gongkai user create` and `gongkai audit verify`, run as the operator runs them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.ts';
import { signIn } from '../../src/modules/accounts/use-cases/sign-in.ts';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-admin-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const url = `sqlite:${join(dir, 'admin.db')}`;
const cli = (args: string[], input?: string) => runCli(args, undefined, { DATABASE_URL: url }, input);

async function withDb<T>(work: (db: ReturnType<typeof createDatabase>['db']) => Promise<T>): Promise<T> {
  const handle = createDatabase(url);
  try {
    return await work(handle.db);
  } finally {
    await handle.destroy();
  }
}

describe('gongkai agency create / user create / audit verify', () => {
  it('creates a government and a department below it, and the first administrator, who can then sign in', async () => {
    const city = await cli(['agency', 'create', '--code', 'hz', '--name', '杭州市人民政府', '--kind', 'government', '--level', 'municipal', '--region', '330100']);
    expect([city.code, city.stdout]).toEqual([0, expect.stringContaining('已创建机关：杭州市人民政府')]);
    const dept = await cli(['agency', 'create', '--code', 'hz-fgw', '--name', '杭州市发展和改革委员会', '--kind', 'department', '--level', 'municipal', '--region', '330100', '--parent', 'hz']);
    expect(dept.code).toBe(0);

    const admin = await cli(['user', 'create', '--username', 'hzadmin', '--name', '张管理', '--agency', 'hz']);
    expect(admin.code).toBe(0);
    const password = /初始密码（只显示这一次，请登录后修改）：(\S+)/.exec(admin.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);

    const piped = await cli(['user', 'create', '--username', 'fgwclerk', '--name', '李经办', '--agency', 'hz-fgw', '--role', 'clerk', '--role', 'reviewer', '--password-stdin'], 'Qingshan-Lushui-2026\n');
    expect([piped.code, piped.stdout]).toEqual([0, expect.stringContaining('clerk、reviewer')]);
    expect(piped.stdout).not.toContain('初始密码');

    await withDb(async (db) => {
      const parent = await db.selectFrom('agencies').select(['id', 'code', 'parent_id']).orderBy('id').execute();
      expect(parent.map((a) => [a.code, a.parent_id])).toEqual([['hz', null], ['hz-fgw', parent[0]!.id]]);
      const clock = { now: () => new Date() };
      const session = await signIn({ db, clock }, { username: 'hzadmin', password: password! });
      expect(session.actor.roles).toEqual([{ agencyId: parent[0]!.id, role: 'admin' }]);
      const roles = await db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id').select(['users.username', 'user_roles.role']).where('users.username', '=', 'fgwclerk').orderBy('role').execute();
      expect(roles.map((r) => r.role)).toEqual(['clerk', 'reviewer']);
    });
  });

  it('refuses bad input with exit 2, every wrong field named, and stores nothing', async () => {
    const before = await withDb(async (db) => (await db.selectFrom('users').select('id').execute()).length);
    const agency = await cli(['agency', 'create', '--code', 'bad code', '--name', 'x', '--kind', 'city', '--level', 'county', '--region', '12']);
    expect(agency.code).toBe(2);
    expect(agency.stderr).toMatch(/code：.*机关代码/);
    expect(agency.stderr).toMatch(/kind：/);
    expect(agency.stderr).toMatch(/regionCode：.*6位数字/);
    expect(agency.stderr).not.toMatch(/\n\s+at /);

    const weak = await cli(['user', 'create', '--username', 'weak', '--name', '弱', '--agency', 'hz', '--password-stdin'], 'short\n');
    expect([weak.code, weak.stderr]).toEqual([2, expect.stringMatching(/password：密码至少/)]);
    const noAgency = await cli(['user', 'create', '--username', 'nobody', '--name', '无', '--agency', 'nowhere']);
    expect([noAgency.code, noAgency.stderr]).toEqual([2, expect.stringContaining('--agency：找不到代码为“nowhere”的机关')]);
    const badRole = await cli(['user', 'create', '--username', 'boss', '--name', '老板', '--agency', 'hz', '--role', 'boss']);
    expect([badRole.code, badRole.stderr]).toEqual([2, expect.stringContaining('--role：未知角色 boss')]);
    const taken = await cli(['user', 'create', '--username', 'hzadmin', '--name', '重名', '--agency', 'hz']);
    expect([taken.code, taken.stderr]).toEqual([2, expect.stringContaining('已被使用')]);

    expect(await withDb(async (db) => (await db.selectFrom('users').select('id').execute()).length)).toBe(before);
    expect(await withDb(async (db) => (await db.selectFrom('agencies').select('id').execute()).length)).toBe(2);
  });

  it('verifies the audit chain, and exits 1 naming the entry once a record has been edited', async () => {
    const intact = await cli(['audit', 'verify']);
    expect([intact.code, intact.stdout]).toEqual([0, expect.stringMatching(/审计日志完好：已校验 \d+ 条记录/)]);

    const edited = await withDb(async (db) => {
      const entry = await db.selectFrom('audit_log').select(['id', 'seq']).where('action', '=', 'user.created').orderBy('id').executeTakeFirstOrThrow();
      await db.updateTable('audit_log').set({ actor: 'system:someone-else' }).where('id', '=', entry.id).execute();
      return entry;
    });
    const tampered = await cli(['audit', 'verify']);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(`记录编号 ${edited.id}`);
    expect(tampered.stdout).toContain('记录被修改过');
  });
});
