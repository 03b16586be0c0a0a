/** The catalogue through its use cases, on SQLite and PostgreSQL. */
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import { contextFor, refusal, seedAgencies, staff, type TestAgencies } from '../../applications/use-cases/test-context.ts';
import { changeValidity } from './change-validity.ts';
import { createCatalogueItem } from './create-catalogue-item.ts';
import { getCatalogueItem } from './get-catalogue-item.ts';
import { getYearlyCounts } from './get-yearly-counts.ts';
import { listCatalogueItems } from './list-catalogue-items.ts';
import { publishCatalogueItem } from './publish-catalogue-item.ts';
import { returnCatalogueItem } from './return-catalogue-item.ts';
import { searchCatalogue } from './search-catalogue.ts';
import { setYearlyCounts } from './set-yearly-counts.ts';
import { submitCatalogueItem } from './submit-catalogue-item.ts';
import { summariseCatalogue } from './summarise-catalogue.ts';
import { updateCatalogueItem } from './update-catalogue-item.ts';

describe.each(testDatabases())('catalogue on $name', (target) => {
  const t = useTestDatabase(target);
  let g: TestAgencies;
  const TODAY = '2024-10-15';
  const clerk = () => staff(1, g.a, 'clerk');
  const reviewer = () => staff(2, g.a, 'reviewer');
  const as = (actor: ReturnType<typeof clerk>, today = TODAY) => contextFor(t.db, actor, today);

  async function draft(fields: Record<string, unknown> = {}, agencyId?: number, today = TODAY) {
    g ??= await seedAgencies(t.db);
    const actor = agencyId === undefined || agencyId === g.a ? clerk() : staff(9, agencyId, 'clerk');
    return createCatalogueItem(contextFor(t.db, actor, today), { agencyId: agencyId ?? g.a, title: '关于某事项的通知', body: '正文', category: 1, ...fields });
  }
  async function published(fields: Record<string, unknown> = {}, agencyId?: number) {
    const item = await draft(fields, agencyId);
    const agency = agencyId ?? g.a;
    await submitCatalogueItem(contextFor(t.db, staff(9, agency, 'clerk'), TODAY), { itemId: item.id });
    return publishCatalogueItem(contextFor(t.db, staff(10, agency, 'reviewer'), TODAY), { itemId: item.id });
  }
  const row = (id: number) => t.db.selectFrom('catalogue_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('Art. 12: index numbers run per agency and year, unique even when created at once', async () => {
    const first = await draft({}, undefined, '2023-12-29');
    expect(first.indexNumber).toBe('FGW/2023-00001');
    const many = await Promise.all(Array.from({ length: 8 }, () => draft()));
    expect(many.map((i) => i.indexNumber).sort()).toEqual(Array.from({ length: 8 }, (_, k) => `FGW/2024-${String(k + 1).padStart(5, '0')}`));
    expect((await draft({}, g.b)).indexNumber).toBe('CZJ/2024-00001');
  });

  it('draft → review → published by a reviewer; refused steps leave the row unchanged', async () => {
    const item = await draft({ writtenOn: '2024-10-08' });
    const before = await row(item.id);
    expect((await refusal(publishCatalogueItem(as(reviewer()), { itemId: item.id }))).code).toBe('catalogue.event.notAllowed');
    expect(await row(item.id)).toEqual(before);
    expect((await submitCatalogueItem(as(clerk()), { itemId: item.id })).state).toBe('review');
    const inReview = await row(item.id);
    expect((await refusal(publishCatalogueItem(as(clerk()), { itemId: item.id }))).code).toBe('access.denied');
    expect((await refusal(publishCatalogueItem(as(reviewer()), { itemId: item.id, on: '2024-10-16' }))).code).toBe('input.dateInFuture');
    expect(await row(item.id)).toEqual(inReview);
    expect((await refusal(returnCatalogueItem(as(reviewer()), { itemId: item.id, reason: ' ' }))).code).toBe('input.invalid');
    expect(await row(item.id)).toEqual(inReview);
    expect((await returnCatalogueItem(as(reviewer()), { itemId: item.id, reason: '请补充文号' })).state).toBe('draft');
    const returned = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'catalogue.returned').where('subject', '=', `catalogueItem:${item.id}`).executeTakeFirstOrThrow();
    expect(JSON.parse(returned.details)).toMatchObject({ reason: '请补充文号', from: 'review', to: 'draft' });
    await submitCatalogueItem(as(clerk()), { itemId: item.id });
    const done = await publishCatalogueItem(as(reviewer()), { itemId: item.id });
    expect(done).toMatchObject({ state: 'published', publishedOn: TODAY, timeliness: { late: false } });
    const stored = await row(item.id);
    expect((await refusal(updateCatalogueItem(as(clerk()), { itemId: item.id, title: '新标题', body: 'x', category: 1 }))).code).toBe('catalogue.event.notAllowed');
    expect(await row(item.id)).toEqual(stored);
    expect((await changeValidity(as(clerk()), { itemId: item.id, validity: 'repealed' })).validityLabel).toBe('废止');
  });

  it('Art. 26: published more than 20 working days after 成文日期 is flagged late (across National Day)', async () => {
    // 20 working days after 2024-09-02 end on 2024-09-30 (29 September is a 调休 working day)
    const onTime = await draft({ writtenOn: '2024-09-02' });
    await submitCatalogueItem(as(clerk()), { itemId: onTime.id });
    expect((await publishCatalogueItem(as(reviewer()), { itemId: onTime.id, on: '2024-09-30' })).timeliness).toEqual({ known: true, deadline: '2024-09-30', late: false });
    const late = await draft({ writtenOn: '2024-09-02' });
    await submitCatalogueItem(as(clerk()), { itemId: late.id });
    expect((await publishCatalogueItem(as(reviewer()), { itemId: late.id, on: '2024-10-08' })).timeliness).toEqual({ known: true, deadline: '2024-09-30', late: true });
    const waiting = await draft({ writtenOn: '2024-09-02' });
    expect(waiting.timeliness).toMatchObject({ known: true, late: true });
    expect((await refusal(draft({ writtenOn: '2024-10-16' }))).code).toBe('input.dateInFuture');
    expect((await refusal(draft({ category: 16 }))).code).toBe('input.invalid');
  });

  it('search finds the two-character words 预算 and 采购, with snippets, newest first, published only for the public', async () => {
    const own = await seedAgencies(t.db, 'S');
    const pub = (fields: Record<string, unknown>) => published(fields, own.a);
    const budget = await pub({ title: '2024年部门预算公开', body: '本部门2024年收支预算总额为1234万元。', category: 7 });
    const procurement = await pub({ title: '政府集中采购目录', body: '集中采购机构采购项目。', category: 9 });
    const both = await pub({ title: '采购预算执行情况', body: '说明', category: 7 });
    const apart = await pub({ title: '府采购政府', body: '两个词分开的标题' });
    await draft({ title: '草稿：预算调整', body: '未发布' }, own.a);
    await published({ title: '其他机关的预算', body: '预算' }, own.b);
    const publicCtx = contextFor(t.db, { kind: 'public' }, TODAY);

    const budgetHits = await searchCatalogue(publicCtx, { agencyId: own.a, q: '预算' });
    expect(budgetHits.hits.map((h) => h.item.id)).toEqual([both.id, budget.id]);
    expect(budgetHits.hits[1]!.titleParts).toEqual([
      { text: '2024年部门', hit: false },
      { text: '预算', hit: true },
      { text: '公开', hit: false },
    ]);
    expect(budgetHits.hits[1]!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['预算']);
    expect((await searchCatalogue(publicCtx, { agencyId: own.a, q: '采购' })).hits.map((h) => h.item.id)).toEqual([apart.id, both.id, procurement.id]);
    expect((await searchCatalogue(publicCtx, { agencyId: own.a, q: '采购 预算' })).hits.map((h) => h.item.id)).toEqual([both.id]);
    // 政府, 府采 and 采购 all occur in 府采购政府, but not the phrase 政府采购
    expect((await searchCatalogue(publicCtx, { agencyId: own.a, q: '政府采购' })).hits).toEqual([]);
    const staffHits = await searchCatalogue(contextFor(t.db, staff(3, own.a, 'clerk'), TODAY), { agencyId: own.a, q: '预算', includeUnpublished: true });
    expect(staffHits.hits.map((h) => h.item.title)).toContain('草稿：预算调整');
    expect((await refusal(searchCatalogue(publicCtx, { agencyId: own.a, q: '预' }))).code).toBe('catalogue.search.queryTooShort');
  });

  it('search pages with hasMore, and follows edits of the text', async () => {
    const own = await seedAgencies(t.db, 'P');
    const ids: number[] = [];
    for (let k = 0; k < 12; k++) ids.push((await published({ title: `第${k}号采购公告`, body: '采购' }, own.a)).id);
    const ctx = contextFor(t.db, { kind: 'public' }, TODAY);
    const pages = await Promise.all([1, 2, 3].map((page) => searchCatalogue(ctx, { agencyId: own.a, q: '采购', page, pageSize: 5 })));
    expect(pages.map((p) => [p.hits.length, p.hasMore])).toEqual([[5, true], [5, true], [2, false]]);
    expect(pages.flatMap((p) => p.hits.map((h) => h.item.id))).toEqual([...ids].reverse());

    const item = await draft({ title: '预算草稿', body: '' }, own.a);
    const clerkP = contextFor(t.db, staff(9, own.a, 'clerk'), TODAY);
    const find = async (q: string) => (await searchCatalogue(clerkP, { agencyId: own.a, q, includeUnpublished: true })).hits.map((h) => h.item.id);
    expect(await find('草稿')).toEqual([item.id]);
    await updateCatalogueItem(clerkP, { itemId: item.id, title: '决算报告', body: '', category: 7 });
    expect(await find('草稿')).toEqual([]);
    expect(await find('决算')).toEqual([item.id]);
  });

  it('lists filter by category, issuing body and validity; the summary counts published items per Art. 20 category', async () => {
    const own = await seedAgencies(t.db, 'F');
    await published({ title: '预算公开', category: 7, issuingBody: '财政局', validity: 'valid' }, own.a);
    await published({ title: '旧办法', category: 1, issuingBody: '办公室', validity: 'repealed' }, own.a);
    await draft({ title: '草稿', category: 7, issuingBody: '草稿处' }, own.a);
    const publicCtx = contextFor(t.db, { kind: 'public' }, TODAY);
    const titles = async (filter: Record<string, unknown>) => (await listCatalogueItems(publicCtx, { agencyId: own.a, ...filter })).items.map((i) => i.title);
    expect(await titles({})).toEqual(['旧办法', '预算公开']);
    expect(await titles({ category: 7 })).toEqual(['预算公开']);
    expect(await titles({ issuingBody: '办公室' })).toEqual(['旧办法']);
    expect(await titles({ validity: 'repealed' })).toEqual(['旧办法']);
    const summary = await summariseCatalogue(publicCtx, { agencyId: own.a });
    expect([summary.byCategory.get(7), summary.byCategory.get(1), summary.byCategory.get(2), summary.byCategory.size]).toEqual([1, 1, 0, 15]);
    expect(summary.issuingBodies).toEqual(['办公室', '财政局'].sort((x, y) => x.localeCompare(y, 'zh-CN')));
    const staffSummary = await summariseCatalogue(contextFor(t.db, staff(9, own.a, 'clerk'), TODAY), { agencyId: own.a });
    expect(staffSummary.byCategory.get(7)).toBe(2);
  });

  it('table 二 yearly counts: entered per year, checked against that year’s format', async () => {
    g ??= await seedAgencies(t.db);
    const cells = await setYearlyCounts(as(clerk()), {
      agencyId: g.a,
      year: 2024,
      cells: [
        { row: 'licensing', column: 'decisions', value: '12' },
        { row: 'fees', column: 'amountWan', value: '3.5' },
      ],
    });
    expect(cells).toEqual([
      { row: 'licensing', column: 'decisions', value: '12' },
      { row: 'fees', column: 'amountWan', value: '3.5' },
    ]);
    await setYearlyCounts(as(clerk()), { agencyId: g.a, year: 2024, cells: [{ row: 'licensing', column: 'decisions', value: '13' }, { row: 'fees', column: 'amountWan', value: null }] });
    expect(await getYearlyCounts(as(clerk()), { agencyId: g.a, year: 2024 })).toEqual([{ row: 'licensing', column: 'decisions', value: '13' }]);
    // the 2019 format (years 2019-2020) has 本年增/减, a signed change
    await setYearlyCounts(as(clerk()), { agencyId: g.a, year: 2020, cells: [{ row: 'licensing', column: 'change', value: '-8' }] });
    expect((await refusal(setYearlyCounts(as(clerk()), { agencyId: g.a, year: 2024, cells: [{ row: 'licensing', column: 'change', value: '1' }] }))).code).toBe(
      'catalogue.yearlyCounts.unknownCell',
    );
    expect((await refusal(setYearlyCounts(as(clerk()), { agencyId: g.a, year: 2024, cells: [{ row: 'penalties', column: 'decisions', value: '-3' }] }))).code).toBe('input.invalid');
    expect(await getYearlyCounts(as(clerk()), { agencyId: g.a, year: 2024 })).toEqual([{ row: 'licensing', column: 'decisions', value: '13' }]);
  });

  it('staff of agency B are refused on every catalogue use case over agency A, and nothing changes', async () => {
    const item = await draft({ title: '预算说明' });
    const before = await row(item.id);
    const b = contextFor(t.db, staff(20, g.b, 'reviewer'), TODAY);
    const calls = {
      update: () => updateCatalogueItem(b, { itemId: item.id, title: 'x', body: 'x', category: 1 }),
      submit: () => submitCatalogueItem(b, { itemId: item.id }),
      return: () => returnCatalogueItem(b, { itemId: item.id, reason: '退回' }),
      publish: () => publishCatalogueItem(b, { itemId: item.id }),
      validity: () => changeValidity(b, { itemId: item.id, validity: 'expired' }),
      get: () => getCatalogueItem(b, { itemId: item.id }),
      list: () => listCatalogueItems(b, { agencyId: g.a }),
      search: () => searchCatalogue(b, { agencyId: g.a, q: '预算', includeUnpublished: true }),
      create: () => createCatalogueItem(b, { agencyId: g.a, title: 'x', body: 'x', category: 1 }),
      setCounts: () => setYearlyCounts(b, { agencyId: g.a, year: 2024, cells: [{ row: 'licensing', column: 'decisions', value: '1' }] }),
      getCounts: () => getYearlyCounts(b, { agencyId: g.a, year: 2024 }),
    };
    const codes: Record<string, string> = {};
    for (const [name, call] of Object.entries(calls)) codes[name] = (await refusal(call())).code;
    expect(codes).toEqual(Object.fromEntries(Object.keys(calls).map((k) => [k, 'access.denied'])));
    expect(await row(item.id)).toEqual(before);
    // the public does not see a draft at all
    expect((await refusal(getCatalogueItem(contextFor(t.db, { kind: 'public' }, TODAY), { itemId: item.id }))).code).toBe('catalogue.notFound');
  });
});
