/**
 * The databases every integration test runs on: SQLite (a temporary file) and PostgreSQL (a fresh schema per
 * test file). Write the suite once:
 *
 *   describe.each(testDatabases())('applications on $name', (target) => {
 *     const t = useTestDatabase(target);          // migrated, opened before and dropped after the block
 *     it('...', async () => { await t.db.insertInto('agencies')... });
 *   });
 *
 * PostgreSQL comes from TEST_DATABASE_URL, or else from scripts/test-postgres.sh, started on first use. Locally,
 * without PostgreSQL installed, only SQLite runs (with a warning); in CI (CI=true) that is a failure.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase, type DatabaseHandle, type Dialect } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Database } from '../../src/db/schema.ts';
import type { PostgresForTests } from './provided-context.ts';

export interface TestDatabase extends DatabaseHandle {
  /** The DATABASE_URL of this database (a second handle may be opened on it). */
  readonly url: string;
  /** Closes the connections and removes the database (file or schema). */
  close(): Promise<void>;
}

export interface TestDatabaseTarget {
  readonly name: Dialect;
  /** A new, empty database; migrated to the latest schema unless `migrate: false`. */
  open(options?: { migrate?: boolean }): Promise<TestDatabase>;
}

const SCRIPT = resolve(import.meta.dirname, '../../scripts/test-postgres.sh');

export function testDatabases(): TestDatabaseTarget[] {
  const targets: TestDatabaseTarget[] = [sqliteTarget()];
  const url = postgresUrl();
  if (url !== null) targets.push(postgresTarget(url));
  return targets;
}

/** Registers beforeAll/afterAll that open a migrated database for the enclosing describe block. */
export function useTestDatabase(target: TestDatabaseTarget): { readonly db: Kysely<Database>; readonly handle: TestDatabase } {
  let handle: TestDatabase | undefined;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle?.close();
  });
  const current = (): TestDatabase => {
    if (handle === undefined) throw new Error('the test database is opened in beforeAll; use it inside a test');
    return handle;
  };
  return {
    get db() {
      return current().db;
    },
    get handle() {
      return current();
    },
  };
}

function sqliteTarget(): TestDatabaseTarget {
  return {
    name: 'sqlite',
    async open({ migrate = true } = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
      const url = `sqlite:${join(dir, 'test.db')}`;
      const handle = createDatabase(url);
      if (migrate) await migrateToLatest(handle.db);
      return {
        ...handle,
        url,
        async close() {
          await handle.destroy();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

function postgresTarget(serverUrl: string): TestDatabaseTarget {
  return {
    name: 'postgres',
    async open({ migrate = true } = {}) {
      const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
      const admin = createDatabase(serverUrl, { poolSize: 1 });
      try {
        await sql`create schema ${sql.id(schema)}`.execute(admin.db);
      } finally {
        await admin.destroy();
      }
      const url = withSchema(serverUrl, schema);
      const handle = createDatabase(url, { poolSize: 5 });
      if (migrate) await migrateToLatest(handle.db);
      return {
        ...handle,
        url,
        async close() {
          await handle.destroy();
          const cleanup = createDatabase(serverUrl, { poolSize: 1 });
          try {
            await sql`drop schema ${sql.id(schema)} cascade`.execute(cleanup.db);
          } finally {
            await cleanup.destroy();
          }
        },
      };
    },
  };
}

function withSchema(serverUrl: string, schema: string): string {
  const url = new URL(serverUrl);
  url.searchParams.set('schema', schema);
  return url.toString();
}

let cachedUrl: string | null | undefined;

function postgresUrl(): string | null {
  if (cachedUrl !== undefined) return cachedUrl;
  const provided = inject('postgres') as PostgresForTests | undefined;
  const fromEnv = process.env['TEST_DATABASE_URL'] || null;
  if (provided?.url ?? fromEnv) {
    cachedUrl = provided?.url ?? fromEnv;
    return cachedUrl;
  }
  const clusterDir = provided?.clusterDir ?? resolve(import.meta.dirname, '../../.tmp/pg/default');
  try {
    const out = execFileSync('bash', [SCRIPT, 'start'], {
      env: { ...process.env, TEST_PG_DIR: clusterDir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cachedUrl = out.trim().split('\n').pop() ?? null;
    if (!cachedUrl?.startsWith('postgres')) throw new Error(`scripts/test-postgres.sh printed no URL: ${out}`);
    return cachedUrl;
  } catch (error) {
    const status = (error as { status?: number }).status;
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    if (status === 3 && process.env['CI'] !== 'true') {
      console.warn(`PostgreSQL is not installed: integration tests run on SQLite only.\n${stderr}`);
      cachedUrl = null;
      return null;
    }
    throw new Error(`could not start PostgreSQL for the tests: ${stderr || (error as Error).message}`, { cause: error });
  }
}
