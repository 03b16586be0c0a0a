/**
 * `gongkai serve` (what `npm start` runs) as a person starts it: on an empty database it migrates, seeds the demo,
 * prints the URL and the demo logins and serves the portal; it stops cleanly on SIGTERM. On a real deployment's
 * database (agencies made with `gongkai agency create`) it seeds nothing and shows no demo logins.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.ts';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  readonly url: string;
  readonly pid: number;
  readonly output: () => string;
  stop(): Promise<number | null>;
}

function serve(databaseUrl: string, env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [`${REPO_ROOT}bin/gongkai.js`, 'serve'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ATTACHMENTS_DIR: join(dir, 'files'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not started within 60 s: ${out}`)), 60_000);
    child.on('exit', () => reject(new Error(`stopped before serving: ${out}`)));
    const poll = setInterval(() => {
      const url = /gongkai 已启动：(http:\/\/\S+?)（/.exec(out)?.[1];
      if (!url || !/公开门户/.test(out) || (env['WORKERS'] && !/个服务进程/.test(out))) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve({
        url: url.replace('localhost', '127.0.0.1'),
        pid: child.pid!,
        output: () => out,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    }, 50);
  });
}

describe('gongkai serve', () => {
  it('on an empty database: seeds the demo, prints the URL and the demo logins, serves the portal, stops on SIGTERM', async () => {
    const server = await serve(`sqlite:${join(dir, 'fresh.db')}`);
    try {
      expect(server.output()).toMatch(/首次启动，已生成示范数据：\d+ 个机关/);
      expect(server.output()).toMatch(/329900-clerk\s+密码 \S+/);
      const home = await fetch(`${server.url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('示范市');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('on a real deployment database: no demo data and no demo logins', async () => {
    const url = `sqlite:${join(dir, 'real.db')}`;
    const made = await runCli(['agency', 'create', '--code', 'hz', '--name', '杭州市人民政府', '--kind', 'government', '--level', 'municipal', '--region', '330100'], undefined, { DATABASE_URL: url });
    expect(made.code).toBe(0);
    const server = await serve(url);
    try {
      expect(server.output()).not.toContain('示范账号');
      expect(server.output()).toContain('gongkai user create');
      const page = await fetch(`${server.url}/a/hz`);
      expect([page.status, await page.text()]).toEqual([200, expect.stringContaining('杭州市人民政府')]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('with WORKERS=2: two server processes on one port, one that dies is started again, all stop on SIGTERM', async () => {
    const server = await serve(`sqlite:${join(dir, 'workers.db')}`, { WORKERS: '2' });
    try {
      expect(server.output()).toContain('（2 个服务进程）');
      const workers = childrenOf(server.pid);
      expect(workers).toHaveLength(2);
      for (let i = 0; i < 6; i++) expect((await fetch(`${server.url}/a/329900`)).status).toBe(200);

      process.kill(workers[0]!, 'SIGKILL');
      await until(() => {
        const now = childrenOf(server.pid);
        return now.length === 2 && !now.includes(workers[0]!);
      }, 20_000);
      expect(server.output()).toContain('意外退出');
      expect((await fetch(`${server.url}/a/329900/catalogue`)).status).toBe(200);
    } finally {
      const pids = childrenOf(server.pid);
      expect(await server.stop()).toBe(0);
      for (const pid of pids) expect(alive(pid)).toBe(false);
    }
  });
});

function childrenOf(pid: number): number[] {
  // the server processes only (tsx runs an esbuild service beside them)
  const list = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout;
  return list
    .split('\n')
    .filter((line) => line.includes('gongkai.js serve'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(ok: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
