/**
 * Proactive-disclosure publishing in the back office, on SQLite and PostgreSQL: an item from draft through review to
 * published through the forms (then on the portal's catalogue and search), Art. 26 timeliness shown, the reviewer's
 * steps refused to a clerk, other agencies' items refused, bad input named beside the field with nothing stored,
 * and the table 二 cells entered per year.
 */
import { load } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
import { buildServer } from '../../src/http/server.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { insertUser, TEST_PASSWORD } from '../factories/user-factory.ts';
import { testDatabases, type TestDatabase } from '../support/databases.ts';
import { HOSTILE, TODAY, seedPortalWorld, type PortalWorld } from './portal-fixture.ts';

const calendar = loadCalendar();

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

function cookieOf(res: { headers: Record<string, unknown> }, name: string): string {
  const raw = res.headers['set-cookie'];
  return (Array.isArray(raw) ? raw : [raw]).map(String).find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? '';
}

async function post(app: FastifyInstance, url: string, fields: Record<string, string>, cookie: string) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    payload: new URLSearchParams(fields).toString(),
  });
}

async function login(app: FastifyInstance, username: string): Promise<Session> {
  const form = await app.inject({ url: '/office/login' });
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const res = await post(app, '/office/login', { _csrf: token, username, password: TEST_PASSWORD, next: '/office' }, cookieOf(form, 'gk_csrf'));
  expect(res.statusCode, res.body).toBe(303);
  const cookie = cookieOf(res, 'gk_session');
  const page = await app.inject({ url: '/office/catalogue', headers: { cookie } });
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '' };
}

async function itemCount(db: Kysely<Database>): Promise<number> {
  return Number((await db.selectFrom('catalogue_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

async function stateOf(db: Kysely<Database>, id: number) {
  return db.selectFrom('catalogue_items').select(['state', 'title', 'validity', 'published_on']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** The error shown beside a field (fields.tsx: the field's frame carries it). */
function errorBeside(body: string, field: string): string {
  const $ = load(body);
  return $(`#f-${field}`).closest('.field').find('.field-error').text().trim();
}

function itemIdOf(location: unknown): number {
  const m = /^\/office\/catalogue\/items\/(\d+)\?done=created$/.exec(String(location));
  expect(m, String(location)).not.toBeNull();
  return Number(m![1]);
}

describe.each(testDatabases())('proactive disclosure in the office ($name)', (target) => {
  let handle: TestDatabase;
  let app: FastifyInstance;
  let world: PortalWorld;
  let clerk: Session;
  let reviewer: Session;
  let cityClerk: Session;
  let supervisor: Session;

  const newItem = (overrides: Record<string, string> = {}) => ({
    _csrf: clerk.csrf,
    agencyId: String(world.bureau.id),
    title: '示范市财政局2024年预算绩效自评结果',
    category: '7',
    issuingBody: '示范市财政局',
    writtenOn: '2025-03-03',
    docNumber: '示财〔2025〕9号',
    validity: 'valid',
    summary: '项目支出绩效自评情况',
    body: '现将2024年度部门预算项目绩效自评结果公开如下。',
    ...overrides,
  });

  async function created(fields: Record<string, string>): Promise<number> {
    const res = await post(app, '/office/catalogue/new', fields, clerk.cookie);
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    return itemIdOf(res.headers.location);
  }

  beforeAll(async () => {
    handle = await target.open();
    world = await seedPortalWorld(handle.db);
    const suffix = target.name;
    await insertUser(handle.db, [{ agencyId: world.bureau.id, role: 'clerk' }], { username: `cat-clerk-${suffix}`, display_name: '王经办' });
    await insertUser(handle.db, [{ agencyId: world.bureau.id, role: 'reviewer' }], { username: `cat-reviewer-${suffix}`, display_name: '李审核' });
    await insertUser(handle.db, [{ agencyId: world.city.id, role: 'clerk' }], { username: `cat-city-${suffix}` });
    await insertUser(handle.db, [{ agencyId: world.city.id, role: 'supervisor' }], { username: `cat-super-${suffix}` });
    app = await buildServer({ db: handle.db, clock: fixedClock(TODAY), calendar, rateLimit: { capacity: 10_000, refillPerMinute: 10_000 } });
    clerk = await login(app, `cat-clerk-${suffix}`);
    reviewer = await login(app, `cat-reviewer-${suffix}`);
    cityClerk = await login(app, `cat-city-${suffix}`);
    supervisor = await login(app, `cat-super-${suffix}`);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('takes an item from draft through review to published, then the portal lists it and search finds it', async () => {
    const form = await app.inject({ url: `/office/catalogue/new?agency=${world.bureau.id}`, headers: { cookie: clerk.cookie } });
    expect(form.statusCode).toBe(200);
    expect(load(form.body)('#f-category option').length).toBe(16); // 请选择 + Art. 20 items 1..15

    const id = await created(newItem());
    const draft = await app.inject({ url: `/office/catalogue/items/${id}?done=created`, headers: { cookie: clerk.cookie } });
    const $ = load(draft.body);
    expect($('[role=status]').text()).toContain('已保存为草稿');
    expect($('table.meta').text()).toMatch(/索引号demo-czj\/2025-\d{5}/);
    expect($('table.meta').text()).toContain('草稿');
    // Art. 26: 2025-03-03 → 2025-03-10 is 5 working days of 20
    expect($('#timeliness').text()).toMatch(/自成文日期起已过5个工作日.*期限至2025年3月31日/);
    expect($('form[action$="/publish"]').length).toBe(0); // a clerk is not offered publishing

    const edit = await post(app, `/office/catalogue/items/${id}/edit`, { ...newItem(), summary: '修改后的概述' }, clerk.cookie);
    expect(edit.statusCode).toBe(303);
    expect((await app.inject({ url: `/office/catalogue/items/${id}/edit`, headers: { cookie: clerk.cookie } })).body).toContain('修改后的概述');

    const submit = await post(app, `/office/catalogue/items/${id}/submit`, { _csrf: clerk.csrf }, clerk.cookie);
    expect(submit.statusCode).toBe(303);
    expect((await stateOf(handle.db, id)).state).toBe('review');

    const review = await app.inject({ url: `/office/catalogue?agency=${world.bureau.id}&state=review`, headers: { cookie: reviewer.cookie } });
    expect(load(review.body)('table.list tbody tr').text()).toContain('示范市财政局2024年预算绩效自评结果');
    const publish = await post(app, `/office/catalogue/items/${id}/publish`, { _csrf: reviewer.csrf, on: TODAY }, reviewer.cookie);
    expect(publish.statusCode, publish.body.slice(0, 1000)).toBe(303);
    const published = await stateOf(handle.db, id);
    expect(published).toMatchObject({ state: 'published', published_on: TODAY });
    const shown = load((await app.inject({ url: `/office/catalogue/items/${id}?done=publish`, headers: { cookie: reviewer.cookie } })).body);
    expect(shown('#timeliness').text()).toMatch(/自成文日期至发布共5个工作日.*按期发布/);

    const portal = await app.inject({ url: '/a/demo-czj/catalogue' });
    expect(portal.body).toContain('示范市财政局2024年预算绩效自评结果');
    const search = await app.inject({ url: `/a/demo-czj/search?q=${encodeURIComponent('绩效')}` });
    expect(load(search.body)('.result-list').text()).toContain('预算绩效自评结果');

    // a published item changes only its validity
    const repeal = await post(app, `/office/catalogue/items/${id}/validity`, { _csrf: clerk.csrf, validity: 'repealed' }, clerk.cookie);
    expect(repeal.statusCode).toBe(303);
    expect((await stateOf(handle.db, id)).validity).toBe('repealed');
    const editPublished = await post(app, `/office/catalogue/items/${id}/edit`, { ...newItem(), title: '改标题' }, clerk.cookie);
    expect(editPublished.statusCode).toBe(409);
    expect((await stateOf(handle.db, id)).title).toBe('示范市财政局2024年预算绩效自评结果');
  });

  it('lets a reviewer return an item only with a reason; it is a draft again', async () => {
    const id = await created(newItem({ title: '待退回的条目' }));
    await post(app, `/office/catalogue/items/${id}/submit`, { _csrf: clerk.csrf }, clerk.cookie);
    const blank = await post(app, `/office/catalogue/items/${id}/return`, { _csrf: reviewer.csrf, reason: '  ' }, reviewer.cookie);
    expect(blank.statusCode).toBe(400);
    expect(errorBeside(blank.body, 'reason')).toContain('请填写退回理由');
    expect((await stateOf(handle.db, id)).state).toBe('review');
    const back = await post(app, `/office/catalogue/items/${id}/return`, { _csrf: reviewer.csrf, reason: '文号有误' }, reviewer.cookie);
    expect(back.statusCode).toBe(303);
    expect((await stateOf(handle.db, id)).state).toBe('draft');
  });

  it('refuses a clerk publishing or returning (reviewer only) and stores nothing', async () => {
    const id = await created(newItem({ title: '经办人不能发布' }));
    await post(app, `/office/catalogue/items/${id}/submit`, { _csrf: clerk.csrf }, clerk.cookie);
    const res = await post(app, `/office/catalogue/items/${id}/publish`, { _csrf: clerk.csrf, on: TODAY }, clerk.cookie);
    expect(res.statusCode).toBe(403);
    const ret = await post(app, `/office/catalogue/items/${id}/return`, { _csrf: clerk.csrf, reason: '自己退回' }, clerk.cookie);
    expect(ret.statusCode).toBe(403);
    expect(await stateOf(handle.db, id)).toMatchObject({ state: 'review', published_on: null });
  });

  it("refuses another agency's item, to read or to change, and creating in its name", async () => {
    const id = world.items.draft;
    expect((await app.inject({ url: `/office/catalogue/items/${id}`, headers: { cookie: cityClerk.cookie } })).statusCode).toBe(403);
    expect((await app.inject({ url: `/office/catalogue/items/${id}/edit`, headers: { cookie: cityClerk.cookie } })).statusCode).toBe(403);
    const edit = await post(app, `/office/catalogue/items/${id}/edit`, { ...newItem(), _csrf: cityClerk.csrf, title: '越权修改' }, cityClerk.cookie);
    expect(edit.statusCode).toBe(403);
    expect((await post(app, `/office/catalogue/items/${id}/submit`, { _csrf: cityClerk.csrf }, cityClerk.cookie)).statusCode).toBe(403);
    expect(await stateOf(handle.db, id)).toMatchObject({ state: 'draft', title: '尚未发布的预算草稿' });
    const before = await itemCount(handle.db);
    expect((await post(app, '/office/catalogue/new', { ...newItem(), _csrf: cityClerk.csrf }, cityClerk.cookie)).statusCode).toBe(403);
    expect(await itemCount(handle.db)).toBe(before);
    // an agency the list is not asked about falls back to one's own
    const list = await app.inject({ url: `/office/catalogue?agency=${world.bureau.id}`, headers: { cookie: cityClerk.cookie } });
    expect(list.body).not.toContain('尚未发布的预算草稿');
  });

  it('lets a supervisor read the catalogue of an agency below, without the buttons to write', async () => {
    const list = await app.inject({ url: `/office/catalogue?agency=${world.bureau.id}`, headers: { cookie: supervisor.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('尚未发布的预算草稿');
    expect(list.body).not.toContain('新建目录条目');
    const item = load((await app.inject({ url: `/office/catalogue/items/${world.items.draft}`, headers: { cookie: supervisor.cookie } })).body);
    expect(item('form[action*="/office/catalogue/items/"]').length).toBe(0);
  });

  describe('bad input is named beside its field, kept, and nothing is stored', () => {
    const cases: Array<[string, Record<string, string>, string, RegExp]> = [
      ['an empty title', { title: '   ' }, 'title', /请填写标题/],
      ['an unknown category', { category: '99' }, 'category', /第二十条第1至15项/],
      ['no category', { category: '' }, 'category', /请选择/],
      ['a 成文日期 in the future', { writtenOn: '2025-03-11' }, 'writtenOn', /晚于今天/],
      ['a 成文日期 that is not a date', { writtenOn: '2025-02-30' }, 'writtenOn', /成文日期无效/],
      ['an oversized body', { body: '预'.repeat(1_000_001) }, 'body', /正文过长/],
      ['an unknown validity', { validity: 'forever' }, 'validity', /有效、失效或废止/],
    ];
    it.each(cases)('%s', async (_name, overrides, field, message) => {
      const before = await itemCount(handle.db);
      const res = await post(app, '/office/catalogue/new', newItem(overrides), clerk.cookie);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      const $ = load(res.body);
      expect($(`#f-${field}`).closest('.field').find('.field-error').text()).toMatch(message);
      expect($('#error-summary').text()).toMatch(message);
      expect($('#f-docNumber').attr('value')).toBe('示财〔2025〕9号'); // what was typed is kept
      expect(await itemCount(handle.db)).toBe(before);
    });

    it('refuses a bad edit and keeps the stored item', async () => {
      const id = await created(newItem({ title: '编辑前的标题' }));
      const res = await post(app, `/office/catalogue/items/${id}/edit`, newItem({ title: '', writtenOn: '明天' }), clerk.cookie);
      expect(res.statusCode).toBe(400);
      expect(errorBeside(res.body, 'title')).toMatch(/请填写标题/);
      expect(errorBeside(res.body, 'writtenOn')).toMatch(/成文日期无效/);
      expect((await stateOf(handle.db, id)).title).toBe('编辑前的标题');
    });

    it('refuses a publication date in the future beside the field', async () => {
      const id = await created(newItem({ title: '发布日期有误' }));
      await post(app, `/office/catalogue/items/${id}/submit`, { _csrf: clerk.csrf }, clerk.cookie);
      const res = await post(app, `/office/catalogue/items/${id}/publish`, { _csrf: reviewer.csrf, on: '2025-04-01' }, reviewer.cookie);
      expect(res.statusCode).toBe(400);
      expect(errorBeside(res.body, 'on')).toMatch(/晚于今天/);
      expect((await stateOf(handle.db, id)).state).toBe('review');
    });

    it('accepts a long body above the server-wide form limit (200,000 characters)', async () => {
      const id = await created(newItem({ title: '长正文', body: '财'.repeat(200_000) }));
      expect((await stateOf(handle.db, id)).state).toBe('draft');
    });

    it('refuses a form without the CSRF token', async () => {
      const before = await itemCount(handle.db);
      const res = await post(app, '/office/catalogue/new', { ...newItem(), _csrf: '' }, clerk.cookie);
      expect(res.statusCode).toBe(403);
      expect(await itemCount(handle.db)).toBe(before);
    });
  });

  it('answers a step the life cycle does not allow in the page, with 409 and nothing changed', async () => {
    const id = await created(newItem({ title: '重复发布' }));
    await post(app, `/office/catalogue/items/${id}/submit`, { _csrf: clerk.csrf }, clerk.cookie);
    expect((await post(app, `/office/catalogue/items/${id}/publish`, { _csrf: reviewer.csrf, on: TODAY }, reviewer.cookie)).statusCode).toBe(303);
    const again = await post(app, `/office/catalogue/items/${id}/publish`, { _csrf: reviewer.csrf, on: TODAY }, reviewer.cookie);
    expect(again.statusCode).toBe(409);
    expect(load(again.body)('#error-summary').text()).toMatch(/已发布.*不能发布/);
    const unknown = await post(app, `/office/catalogue/items/${id}/delete`, { _csrf: reviewer.csrf }, reviewer.cookie);
    expect(unknown.statusCode).toBe(404);
    expect(await stateOf(handle.db, id)).toMatchObject({ state: 'published', published_on: TODAY });
  });

  // Art. 26 is counted on the holiday data (2019 on): an older 成文日期 (a rule still in force) is stored, and the
  // pages say the time limit cannot be computed instead of failing.
  it('stores an item with a 成文日期 before the holiday data and shows its time limit as not computable', async () => {
    const id = await created(newItem({ writtenOn: '2015-06-01' }));
    const page = await app.inject({ url: `/office/catalogue/items/${id}`, headers: { cookie: clerk.cookie } });
    expect(page.statusCode).toBe(200);
    expect(load(page.body)('#timeliness').text()).toMatch(/暂无法计算.*2015年/);
    const list = await app.inject({ url: `/office/catalogue?agency=${world.bureau.id}`, headers: { cookie: clerk.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('无法计算');
  });

  it('escapes script in a title on the office pages', async () => {
    const id = await created(newItem({ title: `${HOSTILE}预算`, issuingBody: HOSTILE }));
    for (const url of [`/office/catalogue/items/${id}`, `/office/catalogue?agency=${world.bureau.id}`, `/office/catalogue/items/${id}/edit`]) {
      const res = await app.inject({ url, headers: { cookie: clerk.cookie } });
      expect(res.body).not.toContain('<script>alert');
      expect(res.body).toContain('&lt;script>alert');
    }
    const bad = await post(app, '/office/catalogue/new', newItem({ title: HOSTILE, category: '' }), clerk.cookie);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toContain('<script>alert');
  });

  it('flags Art. 26 timeliness on the list and the item page: late, due soon', async () => {
    const late = await created(newItem({ title: '逾期未发布的条目', writtenOn: '2025-01-02' }));
    const soon = await created(newItem({ title: '即将到期的条目', writtenOn: '2025-02-14' }));
    const list = load((await app.inject({ url: `/office/catalogue?agency=${world.bureau.id}&state=draft`, headers: { cookie: clerk.cookie } })).body);
    const row = (id: number) => list(`a[href="/office/catalogue/items/${id}"]`).closest('tr');
    expect(row(late).attr('class')).toBe('overdue');
    expect(row(late).text()).toContain('已逾期');
    // 2025-02-14 → 2025-03-10: 16 working days, 4 left
    expect(row(soon).attr('class')).toBe('due-soon');
    expect(row(soon).text()).toContain('剩4个工作日');
    const page = load((await app.inject({ url: `/office/catalogue/items/${late}`, headers: { cookie: clerk.cookie } })).body);
    expect(page('#timeliness').text()).toContain('已逾期');
  });

  it('filters the list by state, category and year; a page past the end links back', async () => {
    const byCategory = load((await app.inject({ url: `/office/catalogue?agency=${world.bureau.id}&category=9`, headers: { cookie: clerk.cookie } })).body);
    const titles = byCategory('table.list tbody tr').text();
    expect(titles).toContain('2025年政府集中采购目录及标准');
    expect(titles).not.toContain('部门预算公开说明');
    const published = load((await app.inject({ url: `/office/catalogue?agency=${world.bureau.id}&state=published`, headers: { cookie: clerk.cookie } })).body);
    expect(published('table.list tbody').text()).not.toContain('草稿');
    const otherYear = await app.inject({ url: `/office/catalogue?agency=${world.bureau.id}&year=2024`, headers: { cookie: clerk.cookie } });
    expect(otherYear.body).toContain('没有符合条件的目录条目');
    const past = load((await app.inject({ url: `/office/catalogue?agency=${world.bureau.id}&state=published&page=2`, headers: { cookie: clerk.cookie } })).body);
    expect(past('a[rel=prev]').attr('href')).toBe(`/office/catalogue?agency=${world.bureau.id}&state=published&page=1`);
    for (const done of ['constructor', '__proto__', 'toString']) {
      const odd = await app.inject({ url: `/office/catalogue/items/${world.items.draft}?done=${done}`, headers: { cookie: clerk.cookie } });
      expect(odd.statusCode, done).toBe(200);
      expect(load(odd.body)('[role=status]').length).toBe(0);
    }
    const nonsense = await app.inject({ url: `/office/catalogue?agency=x&state=nope&category=99&year=abc&page=-1`, headers: { cookie: clerk.cookie } });
    expect(nonsense.statusCode).toBe(200);
  });

  describe('the yearly counts of table 二', () => {
    const url = () => `/office/catalogue/yearly?agency=${world.bureau.id}&year=2024`;

    it('offers the 2021 format for 2024 and the 2019 trial format for 2020', async () => {
      const y2024 = load((await app.inject({ url: url(), headers: { cookie: clerk.cookie } })).body);
      expect(y2024('input[name="licensing.decisions"]').length).toBe(1);
      expect(y2024('input[name="fees.amountWan"]').length).toBe(1);
      expect(y2024('input[name="procurement.projects"]').length).toBe(0);
      const y2020 = load((await app.inject({ url: `/office/catalogue/yearly?agency=${world.bureau.id}&year=2020`, headers: { cookie: clerk.cookie } })).body);
      expect(y2020('input[name="procurement.projects"]').length).toBe(1);
      expect(y2020('input[name="fees.change"]').length).toBe(1);
    });

    it('stores what is entered per agency and year and shows it back', async () => {
      const res = await post(
        app,
        '/office/catalogue/yearly',
        { _csrf: clerk.csrf, agency: String(world.bureau.id), year: '2024', 'licensing.decisions': '126', 'penalties.decisions': '8', 'fees.amountWan': '26158.97' },
        clerk.cookie,
      );
      expect(res.statusCode, res.body.slice(0, 1000)).toBe(303);
      const rows = await handle.db.selectFrom('yearly_counts').select(['row_id', 'column_id', 'value']).where('agency_id', '=', world.bureau.id).where('year', '=', 2024).orderBy('row_id').execute();
      expect(rows).toEqual([
        { row_id: 'fees', column_id: 'amountWan', value: '26158.97' },
        { row_id: 'licensing', column_id: 'decisions', value: '126' },
        { row_id: 'penalties', column_id: 'decisions', value: '8' },
      ]);
      const shown = load((await app.inject({ url: `${url()}&done=1`, headers: { cookie: clerk.cookie } })).body);
      expect(shown('input[name="licensing.decisions"]').attr('value')).toBe('126');
      expect(shown('[role=status]').text()).toContain('已保存2024年');
      // another year is its own
      const y2023 = load((await app.inject({ url: `/office/catalogue/yearly?agency=${world.bureau.id}&year=2023`, headers: { cookie: clerk.cookie } })).body);
      expect(y2023('input[name="licensing.decisions"]').attr('value')).toBe('');
    });

    it('names a bad cell, keeps the entries and stores nothing', async () => {
      const before = await handle.db.selectFrom('yearly_counts').selectAll().where('agency_id', '=', world.bureau.id).execute();
      for (const [field, value, message] of [
        ['compulsion.decisions', '-3', /非负整数/],
        ['fees.amountWan', '很多', /数值应为数字/],
      ] as const) {
        const res = await post(app, '/office/catalogue/yearly', { _csrf: clerk.csrf, agency: String(world.bureau.id), year: '2024', 'licensing.decisions': '999', [field]: value }, clerk.cookie);
        expect(res.statusCode).toBe(400);
        const $ = load(res.body);
        expect($(`#f-${field.replace('.', '-')}-error`).text()).toMatch(message);
        expect($(`input[name="${field}"]`).attr('value')).toBe(value);
        expect($('input[name="licensing.decisions"]').attr('value')).toBe('999');
      }
      const after = await handle.db.selectFrom('yearly_counts').selectAll().where('agency_id', '=', world.bureau.id).execute();
      expect(after).toEqual(before);
    });

    it('refuses another agency and a supervisor, who may only read', async () => {
      const before = await handle.db.selectFrom('yearly_counts').selectAll().execute();
      const city = await post(app, '/office/catalogue/yearly', { _csrf: cityClerk.csrf, agency: String(world.bureau.id), year: '2024', 'licensing.decisions': '1' }, cityClerk.cookie);
      expect(city.statusCode).toBe(403);
      const sup = await post(app, '/office/catalogue/yearly', { _csrf: supervisor.csrf, agency: String(world.bureau.id), year: '2024', 'licensing.decisions': '1' }, supervisor.cookie);
      expect(sup.statusCode).toBe(403);
      expect(await handle.db.selectFrom('yearly_counts').selectAll().execute()).toEqual(before);
      const read = load((await app.inject({ url: url(), headers: { cookie: supervisor.cookie } })).body);
      expect(read('input[name="licensing.decisions"]').attr('disabled')).toBeDefined();
    });
  });
});
