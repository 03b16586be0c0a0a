/**
 * The catalogue's filter form on /a/:code/catalogue: issuing body (发布机构) and validity (有效性), with year and
 * category, filter the whole published catalogue, not its newest items: matches older than 200 newer items are
 * listed, offered in the form and counted.
 */
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { createCatalogueItem } from '../../src/modules/catalogue/use-cases/create-catalogue-item.ts';
import { publishCatalogueItem } from '../../src/modules/catalogue/use-cases/publish-catalogue-item.ts';
import { submitCatalogueItem } from '../../src/modules/catalogue/use-cases/submit-catalogue-item.ts';
import { testDatabases } from '../support/databases.ts';
import { usePortal } from './portal-fixture.ts';

const NEWER = 210;
const OLD_BODY = '示范市财政局法规科';
const OLD_TITLE = '示范市财政局行政规范性文件管理办法（已废止）';

describe.each(testDatabases())('the portal catalogue filters ($name)', (target) => {
  const portal = usePortal(target);
  const get = async (url: string) => {
    const res = await portal.app.inject({ url });
    expect(res.statusCode, url).toBe(200);
    return load(res.body);
  };
  const titles = ($: CheerioAPI) => $('table.list tbody tr td:nth-child(2)').map((_, el) => $(el).text()).get();
  const total = ($: CheerioAPI) => Number(/共 (\d+) 条/.exec($('[role=status]').text())?.[1]);

  /** The query string a browser sends when the form is submitted with these options picked (by their text). */
  function submit($: CheerioAPI, picked: Readonly<Record<string, string>>): string {
    const form = $('form[role=search]');
    const params = new URLSearchParams();
    form.find('select').each((_, el) => {
      const name = $(el).attr('name') ?? '';
      const options = $(el).find('option');
      // unpicked: the selected option, else the first (as a browser does)
      const option = picked[name] === undefined ? (options.filter('[selected]').length > 0 ? options.filter('[selected]') : options.first()) : options.filter((_, o) => $(o).text().trim() === picked[name]);
      expect(option.length, `${name}: ${picked[name]}`).toBe(1);
      params.append(name, option.attr('value') ?? '');
    });
    return `${form.attr('action')}?${params.toString()}`;
  }

  beforeAll(async () => {
    const { bureau } = portal.world;
    // an item of 2023, then NEWER items published after it (the fixture's own items are of 2025)
    const editor = { kind: 'staff', userId: 1, name: '测试编辑', roles: [{ agencyId: bureau.id, role: 'clerk' }, { agencyId: bureau.id, role: 'reviewer' }] } as const;
    const ctx = { db: portal.db, actor: editor, clock: fixedClock('2023-06-01'), calendar: loadCalendar() };
    const old = await createCatalogueItem(ctx, { agencyId: bureau.id, title: OLD_TITLE, body: '废止。', category: 1, issuingBody: OLD_BODY, validity: 'repealed' });
    await submitCatalogueItem(ctx, { itemId: old.id });
    await publishCatalogueItem(ctx, { itemId: old.id });
    const at = '2025-03-01T00:00:00.000Z';
    await portal.db
      .insertInto('catalogue_items')
      .values(
        Array.from({ length: NEWER }, (_, k) => ({
          agency_id: bureau.id,
          index_number: `NEWER-${k}`,
          title: `示范市财政局通知${k}`,
          summary: null,
          body: '正文。',
          category: 2,
          issuing_body: '示范市财政局',
          written_on: null,
          published_on: '2025-03-01',
          doc_number: null,
          validity: 'valid' as const,
          state: 'published' as const,
          year: 2025,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  });

  it('offers an issuing body named only by an item older than the newest 200, and the form finds that item', async () => {
    const $ = await get('/a/demo-czj/catalogue');
    expect($('#filter-issuer option').map((_, o) => $(o).text()).get()).toEqual(expect.arrayContaining(['示范市财政局', '示范市人民政府办公室', OLD_BODY]));
    expect($('#filter-issuer option').map((_, o) => $(o).text()).get()).not.toContain('尚未发布的预算草稿');
    const url = submit($, { issuingBody: OLD_BODY });
    expect(url).toBe(`/a/demo-czj/catalogue?category=&year=&issuingBody=${encodeURIComponent(OLD_BODY)}&validity=`);
    const found = await get(url);
    expect(titles(found)).toEqual([OLD_TITLE]);
    expect(total(found)).toBe(1);
    expect(found('#filter-issuer option[selected]').text()).toBe(OLD_BODY);
  });

  it('filters by validity over the whole catalogue, with year and category', async () => {
    const $ = await get('/a/demo-czj/catalogue');
    const repealed = await get(submit($, { validity: '废止' }));
    expect([titles(repealed), total(repealed)]).toEqual([[OLD_TITLE], 1]);
    const of2023 = await get(submit($, { validity: '废止', year: '2023年' }));
    expect([titles(of2023), total(of2023)]).toEqual([[OLD_TITLE], 1]);
    expect(total(await get(submit($, { validity: '废止', year: '2024年' })))).toBe(0);
    const column = await get(submit($, { validity: '废止', category: categoryOption($, 1) }));
    expect(titles(column)).toEqual([OLD_TITLE]);
    expect(total(await get(submit($, { validity: '废止', category: categoryOption($, 2) })))).toBe(0);
  });

  it('counts and pages a filtered list: every match once, the oldest on the last page', async () => {
    const query = `issuingBody=${encodeURIComponent('示范市财政局')}&validity=valid`;
    const first = await get(`/a/demo-czj/catalogue?${query}`);
    // the fixture's budget item and the NEWER ones
    expect(total(first)).toBe(NEWER + 1);
    expect(titles(first)).toHaveLength(20);
    expect(first('a[rel=next]').attr('href')).toContain(`validity=valid`);
    const lastPage = Math.ceil((NEWER + 1) / 20);
    const last = await get(`/a/demo-czj/catalogue?${query}&page=${lastPage}`);
    expect(total(last)).toBe(NEWER + 1);
    expect(titles(last)).toHaveLength(NEWER + 1 - (lastPage - 1) * 20);
    expect(titles(last).at(-1)).toBe('示范市财政局2025年部门预算公开说明');
    const budgets = await get(`/a/demo-czj/catalogue?${query}&year=2025&category=7`);
    expect([titles(budgets), total(budgets)]).toEqual([['示范市财政局2025年部门预算公开说明'], 1]);
    const none = await get(`/a/demo-czj/catalogue?${query}&year=2023`);
    expect([titles(none), total(none)]).toEqual([[], 0]);
    expect(none('main').text()).toContain('没有符合条件的信息');
  });

  it('never lists another agency’s items or a draft, and ignores a value that is not one of the choices', async () => {
    const city = await get(`/a/demo-city/catalogue?issuingBody=${encodeURIComponent(OLD_BODY)}`);
    expect(total(city)).toBe(0);
    const drafts = await get('/a/demo-czj/catalogue?category=7&year=2025&validity=valid');
    expect(titles(drafts)).not.toContain('尚未发布的预算草稿');
    const ignored = await get(`/a/demo-czj/catalogue?validity=bogus&year=1800&issuingBody=${encodeURIComponent(OLD_BODY)}`);
    expect([titles(ignored), total(ignored)]).toEqual([[OLD_TITLE], 1]);
  });
});

/** The text of the category filter's option for Art. 20 item `id`. */
function categoryOption($: CheerioAPI, id: number): string {
  return $(`#filter-category option[value="${id}"]`).text().trim();
}
