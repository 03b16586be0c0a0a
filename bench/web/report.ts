/**
 * Writes a full run's figures into docs/benchmarks.md, between the web section's markers (the prose around them is
 * written by hand and left alone).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeMachine, type MachineInfo } from '../machine.ts';
import { count, ms, verdict } from '../measure.ts';
import type { WebDatabase } from './data.ts';
import type { Startup } from './startup.ts';
import type { WebRun } from '../web.ts';

const DOC = resolve(import.meta.dirname, '../../docs/benchmarks.md');
const BEGIN = '<!-- web:figures -->';
const END = '<!-- /web:figures -->';

export function webFigures(r: { machine: MachineInfo; data: WebDatabase; startup: readonly Startup[]; runs: readonly WebRun[]; seconds: number; workers: number }): string {
  const rows = r.runs.map(({ load: l, goal, met, loadAverage }) =>
    `| ${l.label} | ${l.connections} | ${count(Math.round(l.perSecond))} | ${l.p50.toFixed(1)} | ${l.p95.toFixed(1)} | ${l.p99.toFixed(1)} | ${l.max.toFixed(0)} | ` +
    `${l.bad + l.errors} | ${l.keptShare === null ? '—' : `${Math.round(l.keptShare * 100)}%`} | ${loadAverage.toFixed(1)} | ${goal}: ${met === null ? '—' : verdict(met)} |`,
  );
  return [
    `Recorded ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- web\`:`,
    '',
    '```',
    describeMachine(r.machine),
    '```',
    '',
    `Database: SQLite, ${count(r.data.agencies.length)} agencies, ${count(r.data.items)} published items, ${(r.data.bytes / 2 ** 30).toFixed(2)} GiB. ` +
      `Server: \`gongkai serve\` with WORKERS=${r.workers}, PAGE_CACHE_MB at its default. ` +
      `Each run ${r.seconds} s after a warm-up; latency from autocannon's own clock, every response counted.`,
    '',
    '| load | connections | requests/s | p50 ms | p95 ms | p99 ms | max ms | failed (non-200, errors incl. 10 s timeouts) | from kept pages | load avg | goal |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '| start (`node bin/gongkai.js serve`, spawn to first 200 of GET /) | time | goal < 5 s |',
    '|---|---|---|',
    ...r.startup.map((s) => `| ${s.label} | ${ms(s.ms)} | ${verdict(s.ms < 5_000)} |`),
  ].join('\n');
}

export function writeWebSection(r: Parameters<typeof webFigures>[0]): void {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) {
    process.stdout.write(`  ${DOC} has no ${BEGIN} … ${END} markers: figures not written\n`);
    return;
  }
  writeFileSync(DOC, `${doc.slice(0, start + BEGIN.length)}\n${webFigures(r)}\n${doc.slice(end)}`);
  process.stdout.write(`  figures written to docs/benchmarks.md\n`);
}
