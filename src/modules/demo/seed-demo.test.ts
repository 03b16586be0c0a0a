import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases, useTestDatabase } from '../../../test/support/databases.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { signIn } from '../accounts/use-cases/sign-in.ts';
import { listSubordinateIds } from '../agencies/agencies.repository.ts';
import { buildAnnualReport } from '../annual-report/use-cases/build-annual-report.ts';
import { checkReport } from '../annual-report/domain/checks/index.ts';
import { stateFromRows } from '../applications/use-cases/application-state.ts';
import { verifyAuditChain } from '../audit/audit.repository.ts';
import { DEMO_PASSWORDS, DemoRefused, ensureDemoData, seedDemo } from './seed-demo.ts';
import { DiskAttachmentStore } from '../attachments/disk-attachment-store.ts';

const calendar = loadCalendar();
const TODAY = '2025-03-15';
const settings = { loginMaxFailures: 5, loginLockMinutes: 15, sessionTtlHours: 12 };

describe.each(testDatabases())('demo data on $name', (target) => {
  describe('through the applications use cases', () => {
    const t = useTestDatabase(target);

    it('seeds a city, its counties and departments, staff with every role, catalogue and applications', async () => {
      const summary = await seedDemo(t.db, { agencies: 5, applications: 60, years: [2023, 2024], seed: 7, today: TODAY, calendar });
      expect(summary.via).toBe('useCases');
      expect(summary.agencies.map((a) => [a.code, a.name])).toEqual([
        ['329900', '示范市人民政府'],
        ['329901', '东城区人民政府'],
        ['329900-01', '示范市财政局'],
        ['329901-01', '东城区财政局'],
        ['329900-02', '示范市教育局'],
      ]);
      const city = summary.agencies[0]!.id;
      expect((await listSubordinateIds(t.db, city)).length).toBe(4);
      expect(summary.users).toBe(20);
      expect(await t.db.selectFrom('applications').select('id').execute()).toHaveLength(60);
      expect(summary.catalogueItems).toBeGreaterThan(0);
      // every application was registered by the use case: audit entries exist for each
      const registered = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'application.registered').execute();
      expect(registered).toHaveLength(60);
      // and every catalogue item was created, submitted and published by the catalogue use cases
      const items = await t.db.selectFrom('catalogue_items').select(['state', 'index_number']).execute();
      expect(items).toHaveLength(summary.catalogueItems);
      expect(new Set(items.map((i) => i.state))).toEqual(new Set(['published']));
      expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'catalogue.published').execute()).toHaveLength(items.length);
    });

    it('prints logins that work with the published demo passwords', async () => {
      const login = (await t.db.selectFrom('users').select('username').where('username', '=', '329901-01-reviewer').executeTakeFirstOrThrow()).username;
      const signed = await signIn({ db: t.db, clock: { now: () => new Date() }, settings }, { username: login, password: DEMO_PASSWORDS.reviewer });
      expect(signed.actor.roles).toEqual([{ agencyId: expect.any(Number), role: 'reviewer' }]);
    });

    it('builds annual reports with no errors from the demo data, and the audit chains verify', async () => {
      for (const a of await t.db.selectFrom('agencies').select('id').execute()) {
        const report = await buildAnnualReport({ db: t.db }, { agencyId: a.id, year: 2024 });
        expect(checkReport(report!, { expectedYear: 2024 }).filter((f) => f.severity === 'error')).toEqual([]);
      }
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    });

    it('refuses to seed the demo twice, and ensureDemoData leaves a database with agencies alone', async () => {
      await expect(seedDemo(t.db, { agencies: 3, applications: 0, years: [2024, 2024], today: TODAY, calendar })).rejects.toThrow(DemoRefused);
      const before = await t.db.selectFrom('agencies').select('id').execute();
      expect(await ensureDemoData(t.db, { today: TODAY, calendar })).toBeNull();
      expect(await t.db.selectFrom('agencies').select('id').execute()).toEqual(before);
    });
  });

  describe('in bulk', () => {
    const t = useTestDatabase(target);

    it('writes the rows the use cases would: each stored state rebuilds from its events', async () => {
      const summary = await seedDemo(t.db, { agencies: 40, applications: 3_000, years: [2023, 2024], seed: 11, today: TODAY, calendar });
      expect(summary.via).toBe('bulk');
      expect(summary.agencies).toHaveLength(40);
      const governments = await t.db.selectFrom('agencies').select('name').where('kind', '=', 'government').execute();
      expect(governments).toHaveLength(5); // the city and 4 counties: about one government for each dozen agencies
      const rows = await t.db.selectFrom('applications').selectAll().orderBy('id').limit(300).execute();
      const events = await t.db.selectFrom('application_events').selectAll().where('application_id', '<=', rows.at(-1)!.id).orderBy('seq').execute();
      for (const row of rows) {
        const state = stateFromRows(row, events.filter((e) => e.application_id === row.id), calendar, TODAY);
        expect([row.state, row.outcome, row.closed_on]).toEqual([state.status, state.outcome, state.closedOn]);
      }
      expect(await t.db.selectFrom('applications').select('id').execute()).toHaveLength(3_000);
      // catalogue items as the catalogue use cases keep them: index counters and search terms
      const counters = await t.db.selectFrom('catalogue_index_counters').select(['agency_id', 'year', 'last_seq']).execute();
      expect(counters.reduce((n, c) => n + c.last_seq, 0)).toBe(summary.catalogueItems);
      const unindexed = await t.db
        .selectFrom('catalogue_items')
        .select('id')
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('catalogue_terms').select('item_id').whereRef('catalogue_terms.item_id', '=', 'catalogue_items.id'))))
        .execute();
      expect(unindexed).toEqual([]);
    });

    it('gives every agency a report with no errors for each year', async () => {
      for (const a of (await t.db.selectFrom('agencies').select('id').execute()).slice(0, 10)) {
        for (const year of [2023, 2024]) {
          const report = await buildAnnualReport({ db: t.db }, { agencyId: a.id, year });
          expect(checkReport(report!, { expectedYear: year }).filter((f) => f.severity === 'error')).toEqual([]);
        }
      }
    });
  });

  describe('first start', () => {
    const t = useTestDatabase(target);

    it('ensureDemoData seeds a small demo into an empty database, once, with Word annexes on the newest items', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-demo-files-'));
      const store = new DiskAttachmentStore(dir);
      const summary = await ensureDemoData(t.db, { today: TODAY, calendar, attachments: { store, maxBytes: 20 * 1024 * 1024 } });
      const annexes = await t.db
        .selectFrom('attachments')
        .innerJoin('catalogue_items', 'catalogue_items.id', 'attachments.owner_id')
        .select(['attachments.filename', 'attachments.mime', 'attachments.sha256', 'catalogue_items.state'])
        .where('attachments.owner_kind', '=', 'catalogueItem')
        .execute();
      expect(annexes.length).toBe(2 * summary!.agencies.length);
      for (const a of annexes) {
        expect(a.state).toBe('published');
        expect(a.filename).toMatch(/（正式文本）\.docx$/);
        expect((await store.get(a.sha256)).subarray(0, 2).toString()).toBe('PK'); // a real .docx (a ZIP)
      }
      rmSync(dir, { recursive: true, force: true });
      expect(summary).not.toBeNull();
      expect(summary!.agencies.length).toBeGreaterThanOrEqual(3);
      expect(summary!.agencies.length).toBeLessThanOrEqual(5);
      expect(summary!.applications).toBe(300);
      const years = await t.db.selectFrom('applications').select('year').distinct().orderBy('year').execute();
      expect(years.map((y) => y.year)).toEqual([2024, 2025]);
      expect(await ensureDemoData(t.db, { today: TODAY, calendar })).toBeNull();
    });
  });

  // SQLite only: PostgreSQL's durability settings are the server's, not changed by the seed
  if (target.name === 'sqlite') describe('first start on SQLite, durability', () => {
    const t = useTestDatabase(target);

    it('puts SQLite back to an fsync per commit (synchronous=FULL) once the demo is seeded', async () => {
      const synchronous = async () => Object.values((await sql`pragma synchronous`.execute(t.db)).rows[0] as object)[0];
      expect(await synchronous()).toBe(2);
      expect(await ensureDemoData(t.db, { today: TODAY, calendar })).not.toBeNull();
      expect(await synchronous()).toBe(2);
    });
  });
});

describe('demo options', () => {
  it.each([
    [{ agencies: 0, applications: 1, years: [2024, 2024] }, /机关数量/],
    [{ agencies: 5, applications: -1, years: [2024, 2024] }, /申请数量/],
    [{ agencies: 5, applications: 1, years: [2025, 2024] }, /年份范围/],
    [{ agencies: 5, applications: 1, years: [2010, 2011] }, /节假日数据只覆盖/],
  ] as const)('refuses %o with a Chinese reason', async (options, message) => {
    await expect(seedDemo(null as never, { ...options, today: TODAY, calendar })).rejects.toThrow(message);
  });
});
