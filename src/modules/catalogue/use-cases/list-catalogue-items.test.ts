/** The catalogue's list reads: pages of ids then rows, the filters with their totals, counts per category, issuing bodies. */
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import { contextFor, refusal, seedAgencies, staff } from '../../applications/use-cases/test-context.ts';
import { createCatalogueItem } from './create-catalogue-item.ts';
import { countCatalogueItemsByCategory, listCatalogueItems, listIssuingBodyChoices } from './list-catalogue-items.ts';
import { publishCatalogueItem } from './publish-catalogue-item.ts';
import { submitCatalogueItem } from './submit-catalogue-item.ts';

const zh = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));

describe.each(testDatabases())('catalogue list reads on $name', (target) => {
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

  /**
   * Items over four years (the index number's year is the year an item is created), then FILLER newer published
   * items: the older matches lie beyond the newest 200.
   */
  const FILLER = 210;
  async function seedYears() {
    const g = await seedAgencies(t.db, `Y${++seeds}`);
    const made = async (
      on: string,
      fields: { title: string; category: number; issuingBody?: string; validity?: 'valid' | 'expired' | 'repealed' },
      upTo: 'draft' | 'review' | 'published' = 'published',
      agencyId = g.a,
    ) => {
      const clerk = contextFor(t.db, staff(1, agencyId, 'clerk'), on);
      const item = await createCatalogueItem(clerk, { agencyId, body: '正文', ...fields });
      if (upTo !== 'draft') await submitCatalogueItem(clerk, { itemId: item.id });
      if (upTo === 'published') await publishCatalogueItem(contextFor(t.db, staff(2, agencyId, 'reviewer'), on), { itemId: item.id });
      return item.id;
    };
    const ids = {
      old2021: await made('2021-03-01', { title: '旧局通知', category: 1, issuingBody: '旧局' }),
      old2022: await made('2022-05-10', { title: '废止办法', category: 3, issuingBody: '甲局', validity: 'repealed' }),
      a: await made('2023-02-01', { title: '甲局三类有效', category: 3, issuingBody: '甲局', validity: 'valid' }),
      b: await made('2023-03-01', { title: '甲局五类有效', category: 5, issuingBody: '甲局', validity: 'valid' }),
      c: await made('2023-04-01', { title: '乙局三类有效', category: 3, issuingBody: '乙局', validity: 'valid' }),
      d: await made('2023-05-01', { title: '甲局三类失效', category: 3, issuingBody: '甲局', validity: 'expired' }),
      draft: await made('2023-06-01', { title: '甲局草稿', category: 3, issuingBody: '甲局', validity: 'valid' }, 'draft'),
      review: await made('2023-06-02', { title: '丁局待审', category: 3, issuingBody: '丁局', validity: 'valid' }, 'review'),
      otherAgency: await made('2023-06-03', { title: '他机关甲局', category: 3, issuingBody: '甲局', validity: 'repealed' }, 'published', g.b),
    };
    const at = '2024-09-01T00:00:00.000Z';
    await t.db
      .insertInto('catalogue_items')
      .values(
        Array.from({ length: FILLER }, (_, k) => ({
          agency_id: g.a,
          index_number: `FILL-${k}`,
          title: `新通知${k}`,
          summary: null,
          body: '正文',
          category: 3,
          issuing_body: '新局',
          written_on: null,
          published_on: '2024-09-01',
          doc_number: null,
          validity: 'valid' as const,
          state: 'published' as const,
          year: 2024,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    return { g, ids };
  }

  it('pages newest first with the right total, deep pages included', async () => {
    const { g, ids } = await seed();
    const first = await listCatalogueItems(publicCtx(), { agencyId: g.a, pageSize: 2 });
    expect(first.items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
    expect(first.total).toBe(5);
    expect(first.items.some((i) => 'body' in i)).toBe(false); // lists never read the text
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

  it('filters by issuing body and by validity over the whole catalogue: an old match beyond the newest 200 is found, with its total', async () => {
    const { g, ids } = await seedYears();
    const list = (filter: Record<string, unknown>) => listCatalogueItems(publicCtx(), { agencyId: g.a, ...filter });
    const repealed = await list({ validity: 'repealed' });
    expect(repealed.items.map((i) => i.id)).toEqual([ids.old2022]);
    expect(repealed.total).toBe(1);
    const oldBody = await list({ issuingBody: '旧局' });
    expect(oldBody.items.map((i) => i.title)).toEqual(['旧局通知']);
    expect(oldBody.total).toBe(1);
    // only published items of this agency: not the draft, not the item in review, not the other agency's
    const jia = await list({ issuingBody: '甲局' });
    expect(jia.items.map((i) => i.id)).toEqual([ids.d, ids.b, ids.a, ids.old2022]);
    expect(jia.total).toBe(4);
    expect((await list({ issuingBody: '丁局' })).total).toBe(0);
    expect((await list({ issuingBody: '无此机构' })).items).toEqual([]);
    expect((await list({ validity: 'expired' })).items.map((i) => i.id)).toEqual([ids.d]);
    // an unfiltered item's validity is unset: it matches no validity
    expect((await list({ validity: 'valid' })).total).toBe(FILLER + 3);
  });

  it('combines issuing body, validity, year and category, each total counting every match', async () => {
    const { g, ids } = await seedYears();
    const found = async (filter: Record<string, unknown>) => {
      const page = await listCatalogueItems(publicCtx(), { agencyId: g.a, ...filter });
      expect(page.total).toBe(page.items.length);
      return page.items.map((i) => i.id);
    };
    expect(await found({ issuingBody: '甲局', validity: 'valid' })).toEqual([ids.b, ids.a]);
    expect(await found({ issuingBody: '甲局', validity: 'valid', year: 2023 })).toEqual([ids.b, ids.a]);
    expect(await found({ issuingBody: '甲局', validity: 'valid', year: 2022 })).toEqual([]);
    expect(await found({ issuingBody: '甲局', year: 2022 })).toEqual([ids.old2022]);
    expect(await found({ issuingBody: '甲局', category: 3 })).toEqual([ids.d, ids.a, ids.old2022]);
    expect(await found({ issuingBody: '甲局', category: 3, validity: 'valid', year: 2023 })).toEqual([ids.a]);
    expect(await found({ validity: 'valid', category: 3, year: 2023 })).toEqual([ids.c, ids.a]);
    expect(await found({ validity: 'valid', category: 5 })).toEqual([ids.b]);
    expect(await found({ year: 2021 })).toEqual([ids.old2021]);
    expect(await found({ year: 2023, category: 3 })).toEqual([ids.d, ids.c, ids.a]);
    expect(await found({ issuingBody: '乙局', validity: 'repealed' })).toEqual([]);
    expect(await found({ year: 1990 })).toEqual([]);
  });

  it('pages a filtered list: every page carries the total, the last page ends at the oldest match', async () => {
    const { g, ids } = await seedYears();
    const page = (n: number) => listCatalogueItems(publicCtx(), { agencyId: g.a, validity: 'valid', page: n, pageSize: 50 });
    const pages = await Promise.all([1, 2, 3, 4, 5, 6].map(page));
    expect(pages.map((p) => p.total)).toEqual(Array(6).fill(FILLER + 3));
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 50, 50, 13, 0]);
    expect(pages[4]!.items.slice(-3).map((i) => i.id)).toEqual([ids.c, ids.b, ids.a]);
    const all = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(all).size).toBe(FILLER + 3);
    expect(all).toEqual([...all].sort((x, y) => y - x));
    const jia = await listCatalogueItems(publicCtx(), { agencyId: g.a, issuingBody: '甲局', page: 2, pageSize: 3 });
    expect([jia.items.map((i) => i.id), jia.total]).toEqual([[ids.old2022], 4]);
  });

  it('filters staff lists too (every state of their own agency), and refuses a bad filter naming its field', async () => {
    const { g, ids } = await seedYears();
    const clerk = contextFor(t.db, staff(1, g.a, 'clerk'), TODAY);
    const mine = await listCatalogueItems(clerk, { agencyId: g.a, issuingBody: '甲局', validity: 'valid', year: 2023 });
    expect(mine.items.map((i) => i.id)).toEqual([ids.draft, ids.b, ids.a]);
    const published = await listCatalogueItems(clerk, { agencyId: g.a, issuingBody: '甲局', validity: 'valid', states: ['published'] });
    expect(published.items.map((i) => i.id)).toEqual([ids.b, ids.a]);
    const theirs = await listCatalogueItems(publicCtx(), { agencyId: g.b, issuingBody: '甲局' });
    expect([theirs.items.map((i) => i.id), theirs.total]).toEqual([[ids.otherAgency], 1]);
    expect((await refusal(listCatalogueItems(clerk, { agencyId: g.b, issuingBody: '甲局' }))).code).toBe('access.denied');
    for (const [field, value] of [['validity', 'unknown'], ['issuingBody', 'x'.repeat(201)], ['year', 1900]] as const) {
      const error = await refusal(listCatalogueItems(publicCtx(), { agencyId: g.a, [field]: value }));
      expect(error.code).toBe('input.invalid');
      expect(JSON.stringify(error.details)).toContain(field);
    }
  });

  it('offers the most used issuing bodies of the published catalogue, old ones included, sorted, none twice', async () => {
    const { g } = await seedYears();
    // 旧局 names only an item older than the newest 200; 丁局 only an item in review
    expect(await listIssuingBodyChoices(publicCtx(), { agencyId: g.a, limit: 100 })).toEqual(zh(['新局', '甲局', '乙局', '旧局']));
    expect(await listIssuingBodyChoices(publicCtx(), { agencyId: g.a, limit: 2 })).toEqual(zh(['新局', '甲局']));
    expect(await listIssuingBodyChoices(contextFor(t.db, staff(1, g.a, 'clerk'), TODAY), { agencyId: g.a, limit: 100 })).toContain('丁局');
    expect(await listIssuingBodyChoices(publicCtx(), { agencyId: g.b, limit: 100 })).toEqual(['甲局']);
    expect(await listIssuingBodyChoices(publicCtx(), { agencyId: g.parent, limit: 100 })).toEqual([]);
    expect((await refusal(listIssuingBodyChoices(contextFor(t.db, staff(1, g.b, 'clerk'), TODAY), { agencyId: g.a, limit: 100 }))).code).toBe('access.denied');
  });

  it('offers no issuing body for items that name none', async () => {
    const { g } = await seed();
    expect(await listIssuingBodyChoices(publicCtx(), { agencyId: g.a, limit: 100 })).toEqual(zh(['丙局', '乙局', '甲局']));
  });
});
