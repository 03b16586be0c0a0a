import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/databases.ts';
import { createDatabase } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { migrateToLatest, pendingMigrations } from './migrate.ts';

const ALL = Object.keys(MIGRATIONS);
const TABLES = [
  'agencies',
  'users',
  'user_roles',
  'sessions',
  'api_tokens',
  'applications',
  'application_events',
  'attachments',
  'catalogue_items',
  'catalogue_index_counters',
  'catalogue_terms',
  'yearly_counts',
  'remedy_cases',
  'annual_reports',
  'audit_log',
  'audit_chain_heads',
  'letter_templates',
  'letters',
  'finding_reviews',
  'report_sections',
  'catalogue_public_versions',
];

describe('migration list', () => {
  it('names sort in the order they were written (dated prefix)', () => {
    expect(ALL).toEqual([...ALL].sort());
    for (const name of ALL) expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-\d{2}-[a-z-]+$/);
  });
});

describe.each(testDatabases())('migrations on $name', (target) => {
  it('apply cleanly to an empty database and create every table', async () => {
    const t = await target.open({ migrate: false });
    try {
      expect(await pendingMigrations(t.db)).toEqual(ALL);
      expect(await migrateToLatest(t.db)).toEqual(ALL);
      const tables = (await t.db.introspection.getTables()).map((table) => table.name);
      expect(tables.sort()).toEqual([...TABLES].sort());
    } finally {
      await t.close();
    }
  });

  it('are idempotent: a second run applies nothing and changes nothing', async () => {
    const t = await target.open({ migrate: false });
    try {
      await migrateToLatest(t.db);
      const before = await t.db.introspection.getTables();
      expect(await migrateToLatest(t.db)).toEqual([]);
      expect(await pendingMigrations(t.db)).toEqual([]);
      expect(await t.db.introspection.getTables()).toEqual(before);
    } finally {
      await t.close();
    }
  });

  it('run from two connections at once leave one complete schema, each migration applied once', async () => {
    const t = await target.open({ migrate: false });
    const second = createDatabase(t.url, { busyTimeoutMs: 50 });
    try {
      const outcomes = await Promise.allSettled([migrateToLatest(t.db), migrateToLatest(second.db)]);
      const applied = outcomes.flatMap((o) => (o.status === 'fulfilled' ? o.value : []));
      if (target.name === 'postgres') {
        // Kysely holds an advisory lock: the second waits, then finds nothing to do.
        expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
        expect(applied.sort()).toEqual([...ALL].sort());
      } else {
        // SQLite has no migration lock; the loser fails on its first statement (each migration is atomic).
        expect(outcomes.some((o) => o.status === 'fulfilled')).toBe(true);
      }
      expect(await migrateToLatest(t.db)).toEqual([]);
      const tables = (await t.db.introspection.getTables()).map((table) => table.name);
      expect(tables.sort()).toEqual([...TABLES].sort());
    } finally {
      await second.destroy();
      await t.close();
    }
  });
});
