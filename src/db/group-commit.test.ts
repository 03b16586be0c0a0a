import type { Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../test/support/databases.ts';
import { GroupCommit } from './group-commit.ts';
import type { Database } from './schema.ts';

const AT = '2026-01-05T08:00:00.000Z';

describe.each(testDatabases())('group commit on $name', (target) => {
  const t = useTestDatabase(target);

  async function insertAgency(trx: Transaction<Database>, code: string): Promise<number> {
    if (code.endsWith('-bad')) {
      // a write that fails after it has already written something: its savepoint must undo that part
      await trx.insertInto('agencies').values({ code, name: '应被撤销', kind: 'department', level: 'county', created_at: AT }).execute();
      throw new Error(`refused ${code}`);
    }
    const { id } = await trx.insertInto('agencies').values({ code, name: `机关 ${code}`, kind: 'department', level: 'county', created_at: AT }).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  it('commits writes that arrive together in fewer transactions, each acknowledged with its own result', async () => {
    const transactions = new Set<Transaction<Database>>();
    const queue = new GroupCommit(t.db, async (trx, code: string) => {
      transactions.add(trx);
      return insertAgency(trx, code);
    });
    const codes = Array.from({ length: 30 }, (_, i) => `gc-${i}`);
    const ids = await Promise.all(codes.map((code) => queue.submit(code)));

    expect(new Set(ids).size).toBe(30);
    const rows = await t.db.selectFrom('agencies').select(['id', 'code']).where('code', 'like', 'gc-%').execute();
    expect(new Map(rows.map((r) => [r.code, r.id]))).toEqual(new Map(codes.map((code, i) => [code, ids[i]])));
    // the first write starts alone; the 29 that queued behind it share the next commit(s)
    expect(transactions.size).toBeGreaterThan(1);
    expect(transactions.size).toBeLessThan(30);
  });

  it('undoes a failing write alone: its caller gets its error, the others in its batch are committed', async () => {
    const queue = new GroupCommit(t.db, insertAgency);
    const codes = ['gf-1', 'gf-2', 'gf-3-bad', 'gf-4', 'gf-5'];
    const settled = await Promise.allSettled(codes.map((code) => queue.submit(code)));

    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason).toEqual(new Error('refused gf-3-bad'));
    const stored = await t.db.selectFrom('agencies').select('code').where('code', 'like', 'gf-%').orderBy('code').execute();
    expect(stored.map((r) => r.code)).toEqual(['gf-1', 'gf-2', 'gf-4', 'gf-5']);
  });

  it('undoes a write refused by a constraint alone and goes on with the batch', async () => {
    const queue = new GroupCommit(t.db, insertAgency, { maxBatch: 10 });
    const settled = await Promise.allSettled(['gu-1', 'gu-1', 'gu-2'].map((code) => queue.submit(code)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await t.db.selectFrom('agencies').select('code').where('code', 'like', 'gu-%').orderBy('code').execute();
    expect(stored.map((r) => r.code)).toEqual(['gu-1', 'gu-2']);
  });

  it('acknowledges none of a batch whose transaction fails, and serves later writes', async () => {
    const closed = await target.open();
    await closed.close();
    const dead = new GroupCommit(closed.db, insertAgency);
    const settled = await Promise.allSettled(['gd-1', 'gd-2', 'gd-3'].map((code) => dead.submit(code)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);

    const live = new GroupCommit(t.db, insertAgency);
    await expect(live.submit('gd-4')).resolves.toBeTypeOf('number');
  });
});
