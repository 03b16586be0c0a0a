import { mkdtemp, readFile, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED } from '../support/paths.ts';
import { runCli } from './run-cli.ts';

describe('gongkai check', () => {
  it('reads the seed, prints one error for the blank （七）总计 row and exits 1', async () => {
    const r = await runCli(['check', SEED]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('区财政局');
    expect(r.stdout.match(/\[错误\]/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/总计/);
  });

  it('--json prints the cells by stable id, blank as null, and the findings', async () => {
    const r = await runCli(['check', SEED, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const [report] = doc.reports;
    expect(report).toMatchObject({ agency: '区财政局', year: 2020, format: '2019' });
    expect(report.tables.applications.received).toMatchObject({ naturalPerson: 17, business: null, total: 17 });
    expect(report.tables.applications.handledTotal.total).toBeNull();
    expect(report.tables.proactive.procurement.amountWan).toBe(26158.97);
    const errors = report.findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toHaveProperty('messageEn');
    expect(errors[0].cells.length).toBeGreaterThan(0);
  });

  it('exits 2 naming the file when a file is missing or unreadable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gk-cli-'));
    const junk = join(dir, 'junk.pdf');
    await writeFile(junk, Buffer.from([0, 1, 2, 3, 255, 0, 7, 9]));
    const missing = await runCli(['check', join(dir, 'nope.pdf')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout + missing.stderr).toContain('nope.pdf');
    const unreadable = await runCli(['check', junk]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stdout).toContain('junk.pdf');
    expect(unreadable.stdout + unreadable.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('checks every report in a folder and writes a CSV summary with one row per report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gk-cli-'));
    await copyFile(SEED, join(dir, 'a.txt'));
    await copyFile(SEED, join(dir, 'b.txt'));
    const summary = join(dir, 'summary.csv');
    const r = await runCli(['check', dir, '--summary', summary]);
    expect(r.code).toBe(1);
    const csv = (await readFile(summary, 'utf8')).replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(csv).toHaveLength(3);
    expect(csv[1]).toMatch(/a\.txt,区财政局,2020,2019,1,/);
  });

  it('refuses an unknown --summary type and an unknown option with exit 2', async () => {
    expect((await runCli(['check', SEED, '--summary', 'x.pdf'])).code).toBe(2);
    expect((await runCli(['check', SEED, '--bogus'])).code).toBe(2);
  });
});

describe('gongkai convert', () => {
  it('writes each format and refuses an unknown target with exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gk-cli-'));
    for (const to of ['json', 'html', 'xlsx', 'docx', 'text']) {
      const out = join(dir, `seed.${to}`);
      const r = await runCli(['convert', SEED, '--to', to, '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      expect((await readFile(out)).length).toBeGreaterThan(100);
    }
    const bad = await runCli(['convert', SEED, '--to', 'pptx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('pptx');
  });
});
