/**
 * intake: online applications through the register-application use case on SQLite with every acknowledgement
 * durable (WAL, synchronous=FULL: a submission is acknowledged only after its commit reached the disk). Sustained
 * submissions per second and latency, with one submitter, with concurrent submitters in one process, and with
 * several processes on the same file. Goal: 1,000 per second.
 */
import { fork } from 'node:child_process';
import { sql } from 'kysely';
import { openSqlite, type BenchDatabase } from './databases.ts';
import { printCeilings } from './intake-ceilings.ts';
import { portalContext, submitUntil, type Submitted } from './intake-submitters.ts';
import { count, line, quantile, verdict, type Benchmark, type Scale } from './measure.ts';

const SECONDS: Readonly<Record<Scale, number>> = { small: 5, full: 25 };
const AGENCIES = 200;
const GOAL_PER_SECOND = 1_000;
const WORKER = new URL('./intake-worker.ts', import.meta.url);

interface Setup {
  readonly label: string;
  readonly processes: number;
  /** Submitters per process. */
  readonly concurrency: number;
}

const SETUPS: readonly Setup[] = [
  { label: '1 submitter', processes: 1, concurrency: 1 },
  { label: '16 concurrent submitters, 1 process', processes: 1, concurrency: 16 },
  { label: '2 processes x 8 submitters', processes: 2, concurrency: 8 },
];

export const intake: Benchmark = {
  name: 'intake',
  title: `online submissions through registerApplication, SQLite WAL + synchronous=FULL — goal ${count(GOAL_PER_SECOND)}/s`,
  async run(scale) {
    const seconds = SECONDS[scale];
    line(`scale: ${seconds} s per setup, submissions spread over ${AGENCIES} agencies, each on a fresh database file`);
    for (const [i, setup] of SETUPS.entries()) {
      const db = await openSqlite();
      try {
        const agencyIds = await seedAgencies(db);
        if (i === 0) line(`durability: ${await pragmas(db)}`);
        const { results, wallSeconds } = setup.processes === 1
          ? await inThisProcess(db, agencyIds, setup, seconds, i + 1)
          : await inProcesses(db, agencyIds, setup, seconds);
        report(setup, results, wallSeconds);
        const stored = await db.db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        line(`    stored: ${count(Number(stored.n))} applications (warm-up submissions included)`);
      } finally {
        await db.close();
      }
    }
    line('what bounds it:');
    printCeilings(Math.min(seconds, 5));
  },
};

async function seedAgencies(db: BenchDatabase): Promise<number[]> {
  const at = '2024-01-01T00:00:00.000Z';
  const rows = Array.from({ length: AGENCIES }, (_, i) => ({ code: `A${i + 1}`, name: `淮安市第${i + 1}号机关`, kind: 'department' as const, level: 'county' as const, created_at: at }));
  const inserted = await db.db.insertInto('agencies').values(rows).returning('id').execute();
  return inserted.map((r) => r.id);
}

async function pragmas(db: BenchDatabase): Promise<string> {
  const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db.db);
  const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db.db);
  const level = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][sync.rows[0]?.synchronous ?? -1] ?? '?';
  return `journal_mode=${journal.rows[0]?.journal_mode}, synchronous=${level} (each acknowledged submission is committed to disk before registerApplication returns)`;
}

interface Run {
  readonly results: Submitted[];
  /** From the start to the last acknowledgement (submissions in flight at the deadline finish). */
  readonly wallSeconds: number;
}

async function inThisProcess(db: BenchDatabase, agencyIds: number[], setup: Setup, seconds: number, seed: number): Promise<Run> {
  const ctx = portalContext(db.db);
  await submitUntil(ctx, agencyIds, 1, Date.now() + 500, seed + 999); // warm-up: module loading, first queries
  const started = Date.now();
  const result = await submitUntil(ctx, agencyIds, setup.concurrency, started + seconds * 1000, seed);
  return { results: [result], wallSeconds: (Date.now() - started) / 1000 };
}

/** Runs the submitters in child processes on the same file; the clock starts when all are warm. */
async function inProcesses(db: BenchDatabase, agencyIds: number[], setup: Setup, seconds: number): Promise<Run> {
  const children = Array.from({ length: setup.processes }, (_, k) =>
    fork(WORKER, [db.url, agencyIds.join(','), String(setup.concurrency), String(100 + k)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  await Promise.all(children.map((c) => new Promise<void>((resolve, reject) => {
    c.once('message', () => resolve());
    c.once('exit', (code) => reject(new Error(`intake worker exited with ${code} before it was ready`)));
  })));
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const results = children.map((c) => new Promise<Submitted>((resolve, reject) => {
    c.once('message', (m: { result: Submitted }) => resolve(m.result));
    c.once('exit', (code) => reject(new Error(`intake worker exited with ${code}`)));
  }));
  for (const c of children) c.send({ deadline });
  const all = await Promise.all(results);
  return { results: all, wallSeconds: (Date.now() - started) / 1000 };
}

function report(setup: Setup, results: readonly Submitted[], wallSeconds: number): void {
  const latencies = results.flatMap((r) => r.latencies);
  const failures = results.reduce((n, r) => n + r.failures, 0);
  const perSecond = latencies.length / wallSeconds;
  const q = (p: number) => quantile(latencies, p).toFixed(1);
  line(`  ${setup.label}: ${count(Math.round(perSecond))} submissions/s (${count(latencies.length)} in ${wallSeconds.toFixed(1)} s), ` +
    `latency p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${Math.max(...latencies).toFixed(0)} ms; ` +
    `goal ${count(GOAL_PER_SECOND)}/s ${verdict(perSecond >= GOAL_PER_SECOND)}`);
  if (failures > 0) line(`    ${count(failures)} submissions failed; first: ${results.find((r) => r.firstError)?.firstError}`);
}
