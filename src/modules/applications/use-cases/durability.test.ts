/**
 * A submission acknowledged to the applicant survives the process being killed at any moment: a child process
 * submits online applications against a SQLite file and prints each tracking code after its commit; it is killed
 * with SIGKILL mid-stream, and every code it printed must be in the reopened database.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../../db/database.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { seedAgencies } from './test-context.ts';

const WORKER = fileURLToPath(new URL('./durability.worker.ts', import.meta.url));

describe('durability of acknowledged submissions (SQLite file, SIGKILL)', () => {
  it('finds every tracking code the killed process acknowledged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-durability-'));
    const url = `sqlite:${join(dir, 'gongkai.db')}`;
    try {
      const setup = createDatabase(url);
      await migrateToLatest(setup.db);
      const { a } = await seedAgencies(setup.db);
      await setup.destroy();

      const child = spawn(process.execPath, ['--import', 'tsx', WORKER, url, String(a)], { stdio: ['ignore', 'pipe', 'pipe'] });
      const acknowledged: string[] = [];
      let buffered = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the worker acknowledged only ${acknowledged.length}: ${stderr}`)), 45_000);
        child.stdout.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          const lines = buffered.split('\n');
          buffered = lines.pop()!;
          acknowledged.push(...lines.filter((l) => l !== ''));
          if (acknowledged.length >= 40) {
            clearTimeout(timer);
            child.kill('SIGKILL'); // mid-stream: the worker is inside its next transaction or about to start it
            resolve();
          }
        });
        child.on('exit', () => reject(new Error(`the worker stopped on its own: ${stderr}`)));
      });
      expect(await exited).toBe('SIGKILL');

      const reopened = createDatabase(url);
      try {
        const rows = await reopened.db.selectFrom('applications').select('tracking_code').execute();
        const stored = new Set(rows.map((r) => r.tracking_code));
        expect(acknowledged.length).toBeGreaterThanOrEqual(40);
        expect(acknowledged.filter((code) => !stored.has(code))).toEqual([]);
        // each stored application is whole: its receipt event was written in the same transaction
        const events = await reopened.db.selectFrom('application_events').select('application_id').where('type', '=', 'received').execute();
        expect(events.length).toBe(rows.length);
      } finally {
        await reopened.destroy();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
