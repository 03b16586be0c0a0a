import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from './database.ts';

describe('createDatabase on SQLite', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  function open(): { handle: DatabaseHandle; path: string } {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-db-'));
    const path = join(dir, 'nested', 'folder', 'g.db');
    const handle = createDatabase(`sqlite:${path}`);
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }), () => handle.destroy());
    return { handle, path };
  }

  it('creates the folder and the file', async () => {
    const { handle, path } = open();
    expect(handle.dialect).toBe('sqlite');
    await sql`select 1`.execute(handle.db);
    expect(existsSync(path)).toBe(true);
  });

  it('turns on WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const { handle } = open();
    const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(handle.db)).rows[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2); // FULL
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
    expect(await pragma('cache_size')).toBe(-65536); // 64 MiB of pages, not the default 2 MiB
  });

  it('opens an in-memory database for sqlite::memory:', async () => {
    const handle = createDatabase('sqlite::memory:');
    cleanup.push(() => handle.destroy());
    const { rows } = await sql<{ v: number }>`select 41 + 1 as v`.execute(handle.db);
    expect(rows).toEqual([{ v: 42 }]);
  });
});
