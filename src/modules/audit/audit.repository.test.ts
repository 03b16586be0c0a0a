import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../test/support/databases.ts';
import { createDatabase } from '../../db/database.ts';
import { appendAudit, auditActions, listAudit, recordAudit, searchAudit, verifyAuditChain } from './audit.repository.ts';

const execFileAsync = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const WORKER = resolve(ROOT, 'test/support/append-audit-worker.ts');

const entry = (agencyId: number | null, n: number) => ({
  agencyId,
  actor: 'user:1',
  action: 'application.registered',
  subject: `application:${n}`,
  details: { n },
  at: new Date(Date.UTC(2026, 0, 1, 8, n)),
});

describe.each(testDatabases())('audit log on $name', (target) => {
  const t = useTestDatabase(target);

  async function chainOf(agencyId: number, n: number) {
    const rows = [];
    for (let i = 1; i <= n; i += 1) rows.push(await recordAudit(t.db, entry(agencyId, i)));
    return rows;
  }

  it('numbers entries 1, 2, 3 per agency, links them, and the chain verifies', async () => {
    const rows = await chainOf(101, 3);
    await recordAudit(t.db, entry(102, 1));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    const stored = await t.db.selectFrom('audit_log').selectAll().where('agency_id', '=', 101).orderBy('seq').execute();
    expect(stored[1]!.prev_hash).toBe(stored[0]!.hash);
    expect(stored[2]!.prev_hash).toBe(stored[1]!.hash);
    expect(await verifyAuditChain(t.db, 101)).toEqual({ ok: true, checked: 3 });
    expect(await verifyAuditChain(t.db, 102)).toEqual({ ok: true, checked: 1 });
  });

  it('keeps a system chain for entries without an agency', async () => {
    const first = await recordAudit(t.db, entry(null, 1));
    const second = await recordAudit(t.db, entry(null, 2));
    expect([first.agencyId, first.seq, second.seq]).toEqual([0, 1, 2]);
    expect(await verifyAuditChain(t.db, null)).toEqual({ ok: true, checked: 2 });
  });

  it('stores details as canonical JSON with personal data masked', async () => {
    await recordAudit(t.db, {
      agencyId: 103,
      actor: 'user:2',
      action: 'application.registered',
      subject: 'application:9',
      details: { phone: '13812345678', note: '身份证110101199003074514', idNumber: '110101199003074514' },
    });
    const row = await t.db.selectFrom('audit_log').selectAll().where('agency_id', '=', 103).executeTakeFirstOrThrow();
    expect(row.details).toBe('{"idNumber":"110101********4514","note":"身份证110101********4514","phone":"138****5678"}');
    expect(row.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(await verifyAuditChain(t.db, 103)).toMatchObject({ ok: true });
  });

  it('detects an edited row', async () => {
    const rows = await chainOf(111, 3);
    await t.db.updateTable('audit_log').set({ details: '{"n":99}' }).where('id', '=', rows[1]!.id).execute();
    expect(await verifyAuditChain(t.db, 111)).toMatchObject({ ok: false, firstBroken: { id: rows[1]!.id, reason: 'edited' } });
  });

  it('detects a deleted row, in the middle and at the end', async () => {
    const middle = await chainOf(112, 3);
    await t.db.deleteFrom('audit_log').where('id', '=', middle[1]!.id).execute();
    expect(await verifyAuditChain(t.db, 112)).toMatchObject({ ok: false, firstBroken: { id: middle[2]!.id, reason: 'missing' } });

    const end = await chainOf(113, 3);
    await t.db.deleteFrom('audit_log').where('id', '=', end[2]!.id).execute();
    expect(await verifyAuditChain(t.db, 113)).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'truncated' } });
  });

  it('detects reordered rows', async () => {
    const rows = await chainOf(114, 3);
    // Swap the positions of entries 2 and 3 (through a free seq, as the pair is unique).
    await t.db.updateTable('audit_log').set({ seq: 1000 }).where('id', '=', rows[1]!.id).execute();
    await t.db.updateTable('audit_log').set({ seq: 2 }).where('id', '=', rows[2]!.id).execute();
    await t.db.updateTable('audit_log').set({ seq: 3 }).where('id', '=', rows[1]!.id).execute();
    expect(await verifyAuditChain(t.db, 114)).toMatchObject({ ok: false, firstBroken: { id: rows[2]!.id, reason: 'brokenLink' } });
  });

  it('verifying every chain reports the first broken one', async () => {
    const result = await verifyAuditChain(t.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.agencyId).toBe(111);
  });

  it('an entry rolled back with its transaction leaves no trace and no gap', async () => {
    await chainOf(120, 1);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await appendAudit(trx, entry(120, 2));
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    const next = await recordAudit(t.db, entry(120, 3));
    expect(next.seq).toBe(2);
    expect(await verifyAuditChain(t.db, 120)).toEqual({ ok: true, checked: 2 });
  });

  it('concurrent appends from other processes and this one queue up instead of forking the chain', async () => {
    const workers = ['worker-a', 'worker-b'].map((label) =>
      execFileAsync(process.execPath, ['--import', 'tsx', WORKER, t.handle.url, '130', '8', label], { cwd: ROOT }),
    );
    const local = Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.db.transaction().execute(async (trx) => {
          const appended = await appendAudit(trx, entry(130, i + 1));
          await new Promise((resolve) => setTimeout(resolve, 2));
          return appended;
        }),
      ),
    );
    await Promise.all([...workers, local]);
    const rows = await t.db.selectFrom('audit_log').select(['seq', 'actor']).where('agency_id', '=', 130).orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(rows.filter((r) => r.actor === 'worker-a')).toHaveLength(8);
    expect(rows.filter((r) => r.actor === 'worker-b')).toHaveLength(8);
    expect(await verifyAuditChain(t.db, 130)).toEqual({ ok: true, checked: 24 });
  });

  it('concurrent transactions on two pools of this process queue up too', async () => {
    const other = createDatabase(t.handle.url, { poolSize: 5 });
    // Two SQLite handles in one process would block each other's event loop; SQLite runs one writer per process.
    const pools = target.name === 'postgres' ? [t.db, other.db] : [t.db];
    try {
      const n = 16;
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          pools[i % pools.length]!.transaction().execute(async (trx) => {
            await trx.selectFrom('audit_chain_heads').select('seq').execute();
            await appendAudit(trx, entry(131, i + 1));
            await new Promise((resolve) => setTimeout(resolve, 2));
          }),
        ),
      );
      expect(await verifyAuditChain(t.db, 131)).toEqual({ ok: true, checked: n });
    } finally {
      await other.destroy();
    }
  });

  it('refuses a second entry at the same position of a chain', async () => {
    const [row] = await chainOf(140, 1);
    const copy = await t.db.selectFrom('audit_log').selectAll().where('id', '=', row!.id).executeTakeFirstOrThrow();
    const { id: _id, ...withoutId } = copy;
    await expect(t.db.insertInto('audit_log').values(withoutId).execute()).rejects.toThrow();
  });

  it('lists a chain newest first', async () => {
    const listed = await listAudit(t.db, 101, { limit: 2 });
    expect(listed.map((r) => r.seq)).toEqual([3, 2]);
    expect((await listAudit(t.db, 101, { beforeSeq: 2 })).map((r) => r.seq)).toEqual([1]);
  });
});

describe.each(testDatabases())('searching the audit log on $name', (target) => {
  const t = useTestDatabase(target);
  const A = 301;
  const B = 302;
  const OTHER = 303;
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour));

  it('setup: three chains with known entries', async () => {
    const entries = [
      { agencyId: A, actor: 'user:1', action: 'application.registered', subject: 'application:10', at: at(1, 1) },
      { agencyId: A, actor: 'user:2', action: 'application.replied', subject: 'application:10', at: at(2, 1) },
      { agencyId: B, actor: 'user:1', action: 'catalogue.published', subject: 'catalogue:7', at: at(3, 1) },
      { agencyId: A, actor: 'user:1', action: 'user.created', subject: 'user:50%_off', at: at(4, 1) },
      { agencyId: OTHER, actor: 'user:1', action: 'application.registered', subject: 'application:10', at: at(2, 1) },
      { agencyId: B, actor: 'user:3', action: 'applicationX.odd', subject: 'Application:11', at: at(5, 1) },
    ];
    for (const e of entries) await recordAudit(t.db, { ...e, details: { phone: '13812345678' } });
    expect((await searchAudit(t.db, { agencyIds: [A, B, OTHER], limit: 50, offset: 0 })).total).toBe(6);
  });

  const search = (filters: Partial<Parameters<typeof searchAudit>[1]>) => searchAudit(t.db, { agencyIds: [A, B], limit: 50, offset: 0, ...filters });
  const subjects = (r: { rows: { subject: string; action: string }[] }) => r.rows.map((row) => `${row.action} ${row.subject}`);

  it('reads only the chains it is given, newest first', async () => {
    const all = await search({});
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.agency_id)).not.toContain(OTHER);
    expect(all.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].sort((a, b) => b - a));
    expect(await searchAudit(t.db, { agencyIds: [], limit: 50, offset: 0 })).toEqual({ rows: [], total: 0 });
  });

  it('filters by actor exactly, and by an action or a group of actions', async () => {
    expect((await search({ actor: 'user:1' })).total).toBe(3);
    expect((await search({ actor: 'user:' })).total).toBe(0);
    expect(subjects(await search({ action: 'application.replied' }))).toEqual(['application.replied application:10']);
    // the group "application" is application.*, not applicationX.*
    expect(subjects(await search({ action: 'application' }))).toEqual(['application.replied application:10', 'application.registered application:10']);
  });

  it('finds a part of the subject in any case, with % and _ taken literally', async () => {
    expect((await search({ subjectContains: 'application:1' })).total).toBe(3);
    expect((await search({ subjectContains: 'APPLICATION:11' })).total).toBe(1);
    expect(subjects(await search({ subjectContains: '50%_' }))).toEqual(['user.created user:50%_off']);
    expect((await search({ subjectContains: '%' })).total).toBe(1);
    expect((await search({ subjectContains: '_' })).total).toBe(1);
  });

  it('filters by time, from inclusive and before exclusive, combined with the rest', async () => {
    const window = { fromAt: at(2, 1).toISOString(), beforeAt: at(4, 1).toISOString() };
    expect(subjects(await search(window))).toEqual(['catalogue.published catalogue:7', 'application.replied application:10']);
    expect((await search({ ...window, actor: 'user:1' })).total).toBe(1);
  });

  it('pages with the total kept', async () => {
    const first = await search({ limit: 2, offset: 0 });
    const third = await search({ limit: 2, offset: 4 });
    expect([first.rows.length, third.rows.length, first.total, third.total]).toEqual([2, 1, 5, 5]);
    expect(new Set([...first.rows, ...third.rows].map((r) => r.id)).size).toBe(3);
  });

  it('keeps the stored masking of personal data', async () => {
    const { rows } = await search({});
    expect(rows.every((r) => !r.details.includes('13812345678'))).toBe(true);
  });

  it('lists the distinct actions of the given chains', async () => {
    expect(await auditActions(t.db, [A])).toEqual(['application.registered', 'application.replied', 'user.created']);
    expect(await auditActions(t.db, [])).toEqual([]);
  });
});
