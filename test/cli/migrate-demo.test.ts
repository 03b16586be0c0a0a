import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit.repository.ts';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withDatabase<T>(url: string, run: () => Promise<T>): Promise<T> {
  const previous = process.env['DATABASE_URL'];
  process.env['DATABASE_URL'] = url;
  return run().finally(() => {
    if (previous === undefined) delete process.env['DATABASE_URL'];
    else process.env['DATABASE_URL'] = previous;
  });
}

describe('gongkai migrate', () => {
  it('applies the migrations and names them, then says there is nothing to do', async () => {
    const url = `sqlite:${join(dir, 'm.db')}`;
    const first = await withDatabase(url, () => runCli(['migrate']));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/已应用 \d+ 个迁移/);
    expect(first.stdout).toContain('2026-11-25-01-agencies-and-accounts');
    const second = await withDatabase(url, () => runCli(['migrate']));
    expect([second.code, second.stdout]).toEqual([0, expect.stringMatching(/已是最新结构/)]);
  });

  it('exits 2 with a Chinese message for a bad DATABASE_URL or an unreachable server, hiding the password', async () => {
    const bad = await withDatabase('mysql://localhost/x', () => runCli(['migrate']));
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/DATABASE_URL 无法识别/)]);
    const down = await withDatabase('postgres://u:topsecret@127.0.0.1:1/db', () => runCli(['migrate']));
    expect([down.code, down.stderr]).toEqual([2, expect.stringMatching(/无法连接数据库/)]);
    expect(down.stderr).not.toContain('topsecret');
    expect(down.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('gongkai demo', () => {
  it('seeds the demo, prints the agency codes and the logins, and refuses to seed twice', async () => {
    const url = `sqlite:${join(dir, 'd.db')}`;
    const r = await withDatabase(url, () => runCli(['demo', '--agencies', '4', '--applications', '30', '--years', '2024']));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('329900       示范市人民政府');
    expect(r.stdout).toMatch(/329901-01\s+东城区财政局/);
    expect(r.stdout).toMatch(/329900-clerk\s+密码 gongkai-clerk/);
    expect(r.stdout).toContain('申请 30 件');
    const handle = createDatabase(url);
    try {
      expect(await handle.db.selectFrom('agencies').select('code').orderBy('id').execute()).toHaveLength(4);
      expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
    } finally {
      await handle.destroy();
    }
    const again = await withDatabase(url, () => runCli(['demo']));
    expect([again.code, again.stderr]).toEqual([2, expect.stringMatching(/已有示范数据/)]);
  });

  it('refuses malformed options with exit code 2', async () => {
    const url = `sqlite:${join(dir, 'e.db')}`;
    for (const args of [['--agencies', 'many'], ['--years', '24-25'], ['--years', '2010-2011']]) {
      const r = await withDatabase(url, () => runCli(['demo', ...args]));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^gongkai: /);
    }
  });
});
