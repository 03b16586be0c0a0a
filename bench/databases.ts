/**
 * The databases a benchmark runs on: a SQLite file in a temporary folder, and a fresh schema on a PostgreSQL
 * server — BENCH_DATABASE_URL or TEST_DATABASE_URL when given, else a throwaway server started with
 * scripts/test-postgres.sh in .tmp/pg/bench and stopped when the run ends. Both are migrated to the latest schema.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { createDatabase, type DatabaseHandle } from '../src/db/database.ts';
import { parseDatabaseUrl } from '../src/db/database-url.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

export interface BenchDatabase extends DatabaseHandle {
  readonly url: string;
  /** SQLite: the file's path. */
  readonly path: string | null;
  close(): Promise<void>;
}

export async function openSqlite(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  const path = join(dir, 'bench.db');
  const url = `sqlite:${path}`;
  const handle = createDatabase(url);
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    path,
    async close() {
      await handle.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const SCRIPT = resolve(import.meta.dirname, '../scripts/test-postgres.sh');
const CLUSTER_DIR = resolve(import.meta.dirname, '../.tmp/pg/bench');
let serverUrl: string | null | undefined;
let startedHere = false;

/** The PostgreSQL server to use, or null (with the reason printed) when there is none. */
export function postgresServer(): string | null {
  if (serverUrl !== undefined) return serverUrl;
  const given = process.env['BENCH_DATABASE_URL'] || process.env['TEST_DATABASE_URL'];
  if (given) return (serverUrl = given);
  try {
    const out = execFileSync('bash', [SCRIPT, 'start'], { env: { ...process.env, TEST_PG_DIR: CLUSTER_DIR }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    serverUrl = out.trim().split('\n').pop() ?? null;
    startedHere = serverUrl !== null;
  } catch (error) {
    console.log(`  PostgreSQL unavailable: ${String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim()}`);
    serverUrl = null;
  }
  return serverUrl;
}

/** Stops the server this run started (none given by URL). */
export function stopPostgresServer(): void {
  if (!startedHere) return;
  execFileSync('bash', [SCRIPT, 'stop'], { env: { ...process.env, TEST_PG_DIR: CLUSTER_DIR }, stdio: 'ignore' });
  startedHere = false;
  serverUrl = undefined;
}

export async function openPostgres(server: string): Promise<BenchDatabase> {
  const schema = `bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = createDatabase(server, { poolSize: 1 });
  try {
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  } finally {
    await admin.destroy();
  }
  const url = new URL(server);
  url.searchParams.set('schema', schema);
  const handle = createDatabase(url.toString(), { poolSize: 10 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: url.toString(),
    path: null,
    async close() {
      await handle.destroy();
      const cleanup = createDatabase(server, { poolSize: 1 });
      try {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(cleanup.db);
      } finally {
        await cleanup.destroy();
      }
    },
  };
}

/** Connection settings for a raw `pg` client on the same schema (bulk loading). */
export function pgClientConfig(url: string): { connectionString: string; options?: string } {
  const target = parseDatabaseUrl(url);
  if (target.dialect !== 'postgres') throw new Error(`not a PostgreSQL URL: ${url}`);
  return { connectionString: target.connectionString, ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}) };
}
