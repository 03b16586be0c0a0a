/**
 * Vitest global setup. PostgreSQL is started lazily, by the first test file that asks for it
 * (test/support/databases.ts), so a run of unit tests alone never pays for a server; this setup names the
 * cluster directory of the run and, at the end, stops whatever was started there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { PostgresForTests } from './provided-context.ts';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/test-postgres.sh');
const CLUSTERS = resolve(import.meta.dirname, '../../.tmp/pg');

export default function setup(project: TestProject): () => void {
  const url = process.env['TEST_DATABASE_URL'] || null;
  stopAbandonedClusters();
  const clusterDir = join(CLUSTERS, `run-${process.pid}`);
  const postgres: PostgresForTests = { url, clusterDir };
  project.provide('postgres', postgres);
  return () => {
    if (url === null) stopCluster(clusterDir);
  };
}

function stopCluster(dir: string): void {
  execFileSync('bash', [SCRIPT, 'stop'], { env: { ...process.env, TEST_PG_DIR: dir }, stdio: 'inherit' });
}

/** Clusters left by runs that were killed before their teardown (their test process is gone). */
function stopAbandonedClusters(): void {
  if (!existsSync(CLUSTERS)) return;
  for (const name of readdirSync(CLUSTERS)) {
    const pid = /^run-(\d+)$/.exec(name)?.[1];
    if (pid !== undefined && !isAlive(Number(pid))) stopCluster(join(CLUSTERS, name));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
