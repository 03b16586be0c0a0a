/** The portal's cheap catalogue reads: pages of ids then rows, counts per category, recent issuing bodies. */
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import { contextFor, refusal, seedAgencies, staff } from '../../applications/use-cases/test-context.ts';
import { createCatalogueItem } from './create-catalogue-item.ts';
import { countCatalogueItemsByCategory, listCatalogueItems, listRecentIssuingBodies } from './list-catalogue-items.ts';
import { publishCatalogueItem } from './publish-catalogue-item.ts';
import { submitCatalogueItem } from './submit-catalogue-item.ts';

describe.each(testDatabases())('portal catalogue reads on $name', (target) => {
  const t = useTestDatabase(target);
  const TODAY = '2024-10-15';
  const publicCtx = () => contextFor(t.db, { kind: 'public' }, TODAY);

  let seeds = 0;
  async function seed() {
    const g = await seedAgencies(t.db, `L${++seeds}`);
    const clerk = contextFor(t.db, staff(1, g.a, 'clerk'), TODAY);
    const reviewer = contextFor(t.db, staff(2, g.a, 'reviewer'), TODAY);
    const ids: number[] = [];
    for (const [k, category, body] of [[1, 1, '甲局'], [2, 1, '乙局'], [3, 5, '甲局'], [4, 5, null], [5, 7, '丙局']] as const) {
      const item = await createCatalogueItem(clerk, { agencyId: g.a, title: `通知${k}`, body: '正文', category, ...(body ? { issuingBody: body } : {}) });
      await submitCatalogueItem(clerk, { itemId: item.id });
      await publishCatalogueItem(reviewer, { itemId: item.id });
      ids.push(item.id);
    }
    // a draft: counted for staff, never for the public
    await createCatalogueItem(clerk, { agencyId: g.a, title: '草稿', body: '正文', category: 7, issuingBody: '丁局' });
    return { g, ids };
  }

  it('pages newest first with the right total, deep pages included', async () => {
    const { g, ids } = await seed();
    const first = await listCatalogueItems(publicCtx(), { agencyId: g.a, pageSize: 2 });
    expect(first.items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
    expect(first.total).toBe(5);
    const last = await listCatalogueItems(publicCtx(), { agencyId: g.a, pageSize: 2, page: 3 });
    expect(last.items.map((i) => i.id)).toEqual([ids[0]]);
    const beyond = await listCatalogueItems(publicCtx(), { agencyId: g.a, pageSize: 2, page: 9 });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(5);
    const filtered = await listCatalogueItems(publicCtx(), { agencyId: g.a, category: 1, pageSize: 1, page: 2 });
    expect(filtered.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(filtered.total).toBe(2);
  });

  it('counts per Art. 20 category in one query: published only for the public, drafts too for staff', async () => {
    const { g } = await seed();
    expect([...(await countCatalogueItemsByCategory(publicCtx(), { agencyId: g.a }))].sort()).toEqual([[1, 2], [5, 2], [7, 1]]);
    const asClerk = contextFor(t.db, staff(1, g.a, 'clerk'), TODAY);
    expect((await countCatalogueItemsByCategory(asClerk, { agencyId: g.a })).get(7)).toBe(2);
    expect((await refusal(countCatalogueItemsByCategory(contextFor(t.db, staff(1, g.b, 'clerk'), TODAY), { agencyId: g.a }))).code).toBe('access.denied');
    expect((await refusal(countCatalogueItemsByCategory(publicCtx(), { agencyId: 'x' }))).code).toBe('input.invalid');
  });

  it('offers the issuing bodies of the newest items, sorted, none twice, no draft for the public', async () => {
    const { g } = await seed();
    expect(await listRecentIssuingBodies(publicCtx(), { agencyId: g.a, sample: 200 })).toEqual(['丙局', '乙局', '甲局'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(await listRecentIssuingBodies(publicCtx(), { agencyId: g.a, sample: 2 })).toEqual(['丙局']);
    expect(await listRecentIssuingBodies(publicCtx(), { agencyId: g.b, sample: 200 })).toEqual([]);
  });
});
