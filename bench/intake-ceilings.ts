/**
 * What bounds the intake rate, measured apart from the use case: how many durable commits per second the disk
 * allows (one fsync each, SQLite WAL + synchronous=FULL, nothing else done) — the ceiling of one commit per
 * submission, which group commit lifts — and what validating one submission costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { parseInput, registerApplicationSchema } from '../src/modules/applications/applications.schemas.ts';
import { onlineSubmission } from './generate/application-forms.ts';
import { seeded } from './generate/random.ts';
import { SUBMITTED_ON } from './intake-submitters.ts';
import { count, line } from './measure.ts';

export function printCeilings(seconds: number): void {
  line(`  ceiling of one commit per submission, disk: ${count(Math.round(durableCommitsPerSecond(seconds)))} commits/s of one 1 KB row each (WAL, synchronous=FULL, better-sqlite3 directly)`);
  line(`  validation per submission (zod, schema cached per day): ${validationCost(500).toFixed(3)} ms`);
}

function durableCommitsPerSecond(seconds: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-fsync-'));
  try {
    const file = new BetterSqlite3(join(dir, 'commits.db'));
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = FULL');
    file.exec('create table t (id integer primary key, body text not null)');
    const insert = file.prepare('insert into t (body) values (?)');
    const body = 'x'.repeat(1_000);
    const started = performance.now();
    let n = 0;
    while (performance.now() - started < seconds * 1000) {
      insert.run(body); // autocommit: one transaction, one WAL fsync
      n++;
    }
    const rate = n / ((performance.now() - started) / 1000);
    file.close();
    return rate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function validationCost(n: number): number {
  const r = seeded(7);
  const inputs = Array.from({ length: n }, () => onlineSubmission(r, 1, 2024));
  const time = (fn: (input: unknown) => unknown) => {
    for (const input of inputs.slice(0, 50)) fn(input);
    const started = performance.now();
    for (const input of inputs) fn(input);
    return (performance.now() - started) / n;
  };
  return time((input) => parseInput(registerApplicationSchema(SUBMITTED_ON), input));
}
