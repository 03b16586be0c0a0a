import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gk-report-'));
  env = { DATABASE_URL: `sqlite:${join(dir, 'g.db')}` };
  const demo = await runCli(['demo', '--agencies', '3', '--applications', '60', '--years', '2023-2024'], undefined, env);
  expect(demo.code, demo.stderr).toBe(0);
}, 180_000);

describe('gongkai report build', () => {
  it('builds one agency’s report as JSON with its tables by stable id', async () => {
    const r = await runCli(['report', 'build', '--agency', '329900', '--year', '2024', '--to', 'json'], undefined, env);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ agency: '示范市人民政府', year: 2024, format: '2021' });
    expect(typeof doc.tables.applications.handledTotal.total).toBe('number');
  });

  it('builds every agency’s report into a folder, and the checker finds no error in them', async () => {
    const out = join(dir, 'reports');
    const r = await runCli(['report', 'build', '--all', '--year', '2024', '--to', 'text', '-o', out], undefined, env);
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(out)).toHaveLength(3);
    const checked = await runCli(['check', out, '--json'], undefined, env);
    expect(checked.code, checked.stdout).toBe(0);
    const reports = JSON.parse(checked.stdout).reports;
    expect(reports).toHaveLength(3);
    for (const report of reports) expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect((await readFile(join(out, (await readdir(out))[0]!), 'utf8'))).toContain('收到和处理政府信息公开申请情况');
  });

  it('refuses bad usage with exit 2 and a Chinese message', async () => {
    const neither = await runCli(['report', 'build', '--year', '2024'], undefined, env);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('--agency');
    const unknown = await runCli(['report', 'build', '--agency', 'NOPE', '--year', '2024'], undefined, env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('NOPE');
    const badYear = await runCli(['report', 'build', '--agency', '329900', '--year', '24'], undefined, env);
    expect(badYear.code).toBe(2);
  });
});
