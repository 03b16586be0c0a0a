/**
 * Vitest global setup. PostgreSQL is started lazily, by the first test file that asks for it
 * (test/support/databases.ts), so a run of unit tests alone never pays for a server; this setup names the
 * cluster directory of the run and, at the end, stops whatever was started there.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { PostgresForTests } from './provided-context.ts';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/test-postgres.sh');

export default function setup(project: TestProject): () => void {
  const url = process.env['TEST_DATABASE_URL'] || null;
  const clusterDir = resolve(import.meta.dirname, '../../.tmp/pg', `run-${process.pid}`);
  const postgres: PostgresForTests = { url, clusterDir };
  project.provide('postgres', postgres);
  return () => {
    if (url !== null) return;
    execFileSync('bash', [SCRIPT, 'stop'], { env: { ...process.env, TEST_PG_DIR: clusterDir }, stdio: 'inherit' });
  };
}
