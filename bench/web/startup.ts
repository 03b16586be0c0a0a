/**
 * `npm start` (`node bin/gongkai.js serve`) from spawn to the first 200 for GET /: on an empty data folder (migrate,
 * seed the demo, listen) and again on the folder it left (migrations and demo already there).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.ts';

export interface Startup {
  readonly label: string;
  readonly ms: number;
}

export async function measureStartup(): Promise<Startup[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-web-start-'));
  const url = `sqlite:${join(dir, 'gongkai.db')}`;
  try {
    const out: Startup[] = [];
    for (const label of ['empty data folder: migrate + demo seed', 'existing data folder']) {
      const server = await startServer(url, { cwd: dir });
      out.push({ label, ms: server.readyMs });
      await server.stop();
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
