import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.ts';
import { testDatabases } from './databases.ts';

const NOW = '2026-01-01T00:00:00.000Z';
const agency = (code: string) => ({ code, name: code, parent_id: null, kind: 'government' as const, level: 'county' as const, region_code: null, office_name: null, office_address: null, office_phone: null, office_hours: null, office_email: null, created_at: NOW });

describe('testDatabases', () => {
  it('includes PostgreSQL whenever it is installed, and always in CI', () => {
    const names = testDatabases().map((t) => t.name);
    expect(names[0]).toBe('sqlite');
    const installed = existsSync('/usr/lib/postgresql') || Boolean(process.env['TEST_DATABASE_URL']);
    if (installed || process.env['CI'] === 'true') expect(names).toContain('postgres');
  });
});

describe.each(testDatabases())('test databases on $name', (target) => {
  it('each open gives a separate, migrated, empty database, removed on close', async () => {
    const a = await target.open();
    const b = await target.open();
    try {
      await a.db.insertInto('agencies').values(agency('only-in-a')).execute();
      expect(await b.db.selectFrom('agencies').select('code').execute()).toEqual([]);
      expect(a.url).not.toBe(b.url);
    } finally {
      await b.close();
    }
    await a.close();
    if (target.name === 'sqlite') {
      expect(existsSync(a.url.slice('sqlite:'.length))).toBe(false);
    } else {
      const schema = new URL(a.url).searchParams.get('schema');
      const server = new URL(a.url);
      server.searchParams.delete('schema');
      const admin = createDatabase(server.toString(), { poolSize: 1 });
      try {
        const { rows } = await sql<{ n: number }>`select count(*) as n from information_schema.schemata where schema_name = ${schema}`.execute(admin.db);
        expect(rows[0]?.n).toBe(0);
      } finally {
        await admin.destroy();
      }
    }
  });
});
