/**
 * The back office's annual report screen on SQLite and PostgreSQL: the Art. 49 reminder, the 发布到门户 button
 * (reviewers only, CSRF-checked), the supervisor's roll-up of the agencies below, and the prose of the six sections
 * edited in place (clerk, reviewer, administrator; checked against the tables; published to the portal).
 */
import { load } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { registerApplication } from '../../src/modules/applications/use-cases/register-application.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { insertUser, TEST_PASSWORD } from '../factories/user-factory.ts';
import { testDatabases, type TestDatabase } from '../support/databases.ts';
import { HOSTILE, TODAY, VALID_ID, seedPortalWorld, type PortalWorld } from './portal-fixture.ts';

const calendar = loadCalendar();

function cookieOf(res: { headers: Record<string, unknown> }, name: string): string {
  const raw = res.headers['set-cookie'];
  const all = (Array.isArray(raw) ? raw : [raw]).map(String);
  return all.find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? '';
}

const csrfIn = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

function post(app: FastifyInstance, url: string, fields: Record<string, string>, cookie: string) {
  return app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, payload: new URLSearchParams(fields).toString() });
}

async function login(app: FastifyInstance, username: string): Promise<{ cookie: string; csrf: string }> {
  const form = await app.inject({ url: '/office/login' });
  const res = await post(app, '/office/login', { _csrf: csrfIn(form.body), username, password: TEST_PASSWORD, next: '/office' }, cookieOf(form, 'gk_csrf'));
  expect(res.statusCode, res.body).toBe(303);
  const cookie = cookieOf(res, 'gk_session');
  const page = await app.inject({ url: '/office', headers: { cookie } });
  return { cookie, csrf: csrfIn(page.body) };
}

describe.each(testDatabases())('the office annual report screen ($name)', (target) => {
  let handle: TestDatabase;
  let app: FastifyInstance;
  let world: PortalWorld;
  const names = { clerk: `rclerk${target.name}`, reviewer: `rreviewer${target.name}`, admin: `radmin${target.name}`, supervisor: `rsuper${target.name}` };

  async function reportCount(): Promise<number> {
    return (await handle.db.selectFrom('annual_reports').select('id').execute()).length;
  }

  beforeAll(async () => {
    handle = await target.open();
    world = await seedPortalWorld(handle.db);
    const b = world.bureau.id;
    await insertUser(handle.db, [{ agencyId: b, role: 'clerk' }], { username: names.clerk });
    await insertUser(handle.db, [{ agencyId: b, role: 'reviewer' }], { username: names.reviewer });
    await insertUser(handle.db, [{ agencyId: b, role: 'admin' }], { username: names.admin });
    await insertUser(handle.db, [{ agencyId: world.city.id, role: 'supervisor' }], { username: names.supervisor });
    const ctx = { db: handle.db, actor: { kind: 'public' } as const, clock: fixedClock(TODAY), calendar };
    const form = { applicant: { type: 'naturalPerson', name: '张三', idNumber: VALID_ID, phone: '13812345678' }, description: '2025年部门预算', form: 'electronic', delivery: 'email' };
    await registerApplication(ctx, { agencyId: b, form });
    app = await buildServer({ db: handle.db, clock: fixedClock(TODAY), calendar, rateLimit: { capacity: 10_000, refillPerMinute: 10_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('shows the 发布到门户 button to a reviewer and an administrator, not to a clerk', async () => {
    for (const [user, shown] of [[names.reviewer, 1], [names.clerk, 0], [names.admin, 1]] as const) {
      const s = await login(app, user);
      const res = await app.inject({ url: `/office/reports/2025?agency=${world.bureau.id}`, headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(200);
      const $ = load(res.body);
      expect($('form.publish button').filter((_, el) => $(el).text() === '发布到门户').length, user).toBe(shown);
    }
  });

  it('reminds from 1 January of the next year until the report is published (Art. 49)', async () => {
    const s = await login(app, names.supervisor);
    const unpublished = await app.inject({ url: `/office/reports/2024?agency=${world.city.id}`, headers: { cookie: s.cookie } });
    expect(unpublished.body).toMatch(/2024年度报告应于2025年1月31日前向社会公布，现已逾期/);
    const published = await app.inject({ url: `/office/reports/2024?agency=${world.bureau.id}`, headers: { cookie: s.cookie } });
    expect(published.body).not.toMatch(/应于2025年1月31日前/);
    const thisYear = await app.inject({ url: `/office/reports/2025?agency=${world.city.id}`, headers: { cookie: s.cookie } });
    expect(thisYear.body).not.toMatch(/应于2026年1月31日前/);
  });

  it('refuses a publish without the session CSRF token, and a clerk’s publish, storing nothing', async () => {
    const reviewer = await login(app, names.reviewer);
    const clerk = await login(app, names.clerk);
    const before = await reportCount();
    const url = `/office/reports/2025/publish?agency=${world.bureau.id}`;
    expect((await post(app, url, { _csrf: 'forged' }, reviewer.cookie)).statusCode).toBe(403);
    expect((await post(app, url, { _csrf: clerk.csrf }, clerk.cookie)).statusCode).toBe(403);
    expect(await reportCount()).toBe(before);
  });

  it('publishes for a reviewer; the portal then lists the report', async () => {
    const s = await login(app, names.reviewer);
    const res = await post(app, `/office/reports/2025/publish?agency=${world.bureau.id}`, { _csrf: s.csrf }, s.cookie);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/office/reports/2025?agency=${world.bureau.id}`);
    const portal = await app.inject({ url: `/a/${world.bureau.code}/reports` });
    expect(portal.body).toContain('/reports/2025');
    const after = await app.inject({ url: `/office/reports/2025?agency=${world.bureau.id}`, headers: { cookie: s.cookie } });
    expect(after.body).toContain('本年度报告已发布到门户');
  });

  it('re-renders the screen with the count of errors when the checker refuses the report', async () => {
    const ctx = { db: handle.db, actor: { kind: 'public' } as const, clock: fixedClock(TODAY), calendar };
    const form = { applicant: { type: 'naturalPerson', name: '李四', idNumber: VALID_ID, phone: '13812345678' }, description: '2023年决算', form: 'electronic', delivery: 'email' };
    const { applicationId } = await registerApplication(ctx, { agencyId: world.bureau.id, form });
    // An outcome no format knows, in 2023: received but never leaving table 三, which then does not balance.
    await handle.db.updateTable('applications').set({ received_on: '2023-05-04', outcome: 'no.such.outcome', closed_on: '2023-06-01' }).where('id', '=', applicationId).execute();
    const s = await login(app, names.reviewer);
    const before = await reportCount();
    const res = await post(app, `/office/reports/2023/publish?agency=${world.bureau.id}`, { _csrf: s.csrf }, s.cookie);
    expect(res.statusCode).toBe(409);
    expect(load(res.body)('[role=alert]').text()).toMatch(/发现1处错误/);
    expect(await reportCount()).toBe(before);
  });

  async function sectionRows() {
    const rows = await handle.db.selectFrom('report_sections').select(['agency_id', 'year', 'section_id', 'text']).orderBy('id').execute();
    const audit = await handle.db.selectFrom('audit_log').select('id').where('action', '=', 'report.sectionsSaved').execute();
    return { rows, audit: audit.length };
  }

  const sectionsUrl = (year: number, agencyId: number) => `/office/reports/${year}/sections?agency=${agencyId}`;

  it('shows the six sections of the format as labelled text boxes to the agency’s staff, a first draft in 一', async () => {
    for (const user of [names.clerk, names.reviewer, names.admin]) {
      const s = await login(app, user);
      const $ = load((await app.inject({ url: `/office/reports/2025?agency=${world.bureau.id}`, headers: { cookie: s.cookie } })).body);
      const labels = $('form.sections label').map((_, el) => $(el).text()).get();
      expect(labels, user).toEqual(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
      for (const el of $('form.sections label').toArray()) expect($(`textarea#${$(el).attr('for')}`).length).toBe(1);
      expect($('#f-sections-overview').text()).toMatch(/^2025年，示范市财政局.*共收到政府信息公开申请1件/);
      expect($('#f-sections-other-hint').text()).toContain('信息处理费');
      expect($('form.sections input[name=_csrf]').val()).toBe(s.csrf);
    }
  });

  it('saves the prose with the CSRF token, shows it in the report, and escapes it', async () => {
    const s = await login(app, names.clerk);
    const before = await sectionRows();
    const res = await post(app, sectionsUrl(2025, world.bureau.id), { _csrf: s.csrf, 'sections.overview': `2025年，本局推进政务公开。\r\n第二段${HOSTILE}`, 'sections.problems': '栏目更新不够及时。' }, s.cookie);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/office/reports/2025?agency=${world.bureau.id}&saved=1`);
    const after = await sectionRows();
    expect(after.rows.filter((r) => r.agency_id === world.bureau.id && r.year === 2025).map((r) => [r.section_id, r.text])).toEqual([
      ['overview', `2025年，本局推进政务公开。\n第二段${HOSTILE}`],
      ['problems', '栏目更新不够及时。'],
    ]);
    expect(after.audit).toBe(before.audit + 1);
    const page = await app.inject({ url: res.headers.location as string, headers: { cookie: s.cookie } });
    expect(page.body).not.toContain(HOSTILE);
    const $ = load(page.body);
    expect($('.prose-editor [role=status]').text()).toContain('正文已保存');
    expect($('#f-sections-overview').text()).toBe(`2025年，本局推进政务公开。\n第二段${HOSTILE}`);
    expect($('#f-sections-problems').text()).toBe('栏目更新不够及时。');
    expect($('article.report section[data-section=overview] p').map((_, el) => $(el).text()).get()).toEqual(['2025年，本局推进政务公开。', `第二段${HOSTILE}`]);
  });

  it('shows a number in the prose that disagrees with table 三 as a finding beside its section and in the checks', async () => {
    const s = await login(app, names.reviewer);
    const res = await post(app, sectionsUrl(2025, world.bureau.id), { _csrf: s.csrf, 'sections.applications': '本年共收到政府信息公开申请7件。' }, s.cookie);
    expect(res.statusCode).toBe(303);
    const $ = load((await app.inject({ url: res.headers.location as string, headers: { cookie: s.cookie } })).body);
    const beside = $('#f-sections-applications-findings li').text();
    expect(beside).toMatch(/警告.*申请7件.*为1/);
    expect($('#f-sections-applications').attr('aria-describedby')).toContain('f-sections-applications-findings');
    expect($('aside .findings li').text()).toContain('本年共收到政府信息公开申请7件');
    expect($('#f-sections-overview-findings').length).toBe(0);
  });

  it.each([
    ['a section over 20,000 characters', { 'sections.problems': '长'.repeat(20_001) }, 'sections.problems', /最多20000字/],
    ['a control character', { 'sections.problems': '有\u0000问题' }, 'sections.problems', /控制字符/],
    ['an unknown section', { 'sections.budget': '预算说明' }, 'sections.budget', /没有“budget”这一部分/],
  ])('refuses %s with 400, the error named beside the field, the text kept, nothing stored', async (_what, fields, field, message) => {
    const s = await login(app, names.clerk);
    const before = await sectionRows();
    const res = await post(app, sectionsUrl(2025, world.bureau.id), { _csrf: s.csrf, 'sections.other': '另一部分的有效文字', ...fields }, s.cookie);
    expect(res.statusCode).toBe(400);
    const $ = load(res.body);
    expect($('#error-summary').text()).toMatch(message);
    if (field !== 'sections.budget') {
      const id = `f-${field.replace('.', '-')}`;
      expect($(`#${id}`).attr('aria-invalid')).toBe('true');
      expect($(`#${id}-error`).text()).toMatch(message);
      expect($(`#${id}`).text().length).toBeGreaterThan(0);
    }
    expect($('#f-sections-other').text()).toBe('另一部分的有效文字');
    expect(await sectionRows()).toEqual(before);
  });

  it('accepts all six sections at the full 20,000 characters in one form (over the server’s default body limit)', async () => {
    const s = await login(app, names.clerk);
    const full = Object.fromEntries(['overview', 'proactive', 'applications', 'remedies', 'problems', 'other'].map((id) => [`sections.${id}`, '政'.repeat(20_000)]));
    const res = await post(app, sectionsUrl(2022, world.bureau.id), { _csrf: s.csrf, ...full }, s.cookie);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const rows = (await sectionRows()).rows.filter((r) => r.year === 2022);
    expect(rows.map((r) => r.text.length)).toEqual([20_000, 20_000, 20_000, 20_000, 20_000, 20_000]);
  });

  it('refuses a save without the CSRF token, by the supervisor above and by staff of another agency, storing nothing', async () => {
    const clerk = await login(app, names.clerk);
    const supervisor = await login(app, names.supervisor);
    const cityClerk = `rcityclerk${target.name}`;
    await insertUser(handle.db, [{ agencyId: world.city.id, role: 'clerk' }], { username: cityClerk });
    const other = await login(app, cityClerk);
    const before = await sectionRows();
    const fields = { 'sections.overview': '越权写入的文字' };
    expect((await post(app, sectionsUrl(2025, world.bureau.id), { _csrf: 'forged', ...fields }, clerk.cookie)).statusCode).toBe(403);
    expect((await post(app, sectionsUrl(2025, world.bureau.id), { _csrf: supervisor.csrf, ...fields }, supervisor.cookie)).statusCode).toBe(403);
    expect((await post(app, sectionsUrl(2025, world.bureau.id), { _csrf: other.csrf, ...fields }, other.cookie)).statusCode).toBe(403);
    expect(await sectionRows()).toEqual(before);
  });

  it('shows the supervisor above the prose read-only: no text box, no save button', async () => {
    const s = await login(app, names.supervisor);
    const $ = load((await app.inject({ url: `/office/reports/2025?agency=${world.bureau.id}`, headers: { cookie: s.cookie } })).body);
    expect($('form.sections').length).toBe(0);
    expect($('textarea').length).toBe(0);
    expect($('.prose-editor').text()).toContain('只有本机关的经办人、审核人和管理员可以编辑正文');
    expect($('article.report section[data-section=problems] p').text()).toBe('栏目更新不够及时。');
  });

  it('publishes the saved prose; the portal’s page of the report shows it', async () => {
    const s = await login(app, names.admin);
    await post(app, sectionsUrl(2025, world.bureau.id), { _csrf: s.csrf, 'sections.applications': '本年共收到政府信息公开申请1件。' }, s.cookie);
    const res = await post(app, `/office/reports/2025/publish?agency=${world.bureau.id}`, { _csrf: s.csrf }, s.cookie);
    expect(res.statusCode, res.body).toBe(303);
    const portal = load((await app.inject({ url: `/a/${world.bureau.code}/reports/2025` })).body);
    expect(portal('section[data-section=overview] p').first().text()).toBe('2025年，本局推进政务公开。');
    expect(portal('section[data-section=applications] p').text()).toBe('本年共收到政府信息公开申请1件。');
    expect(portal('section[data-section=problems] p').text()).toBe('栏目更新不够及时。');
  });

  it('shows a supervisor the agencies below with published / errors and their summed tables', async () => {
    const s = await login(app, names.supervisor);
    const res = await app.inject({ url: `/office/reports/2024?agency=${world.city.id}`, headers: { cookie: s.cookie } });
    const $ = load(res.body);
    const rows = $('table.rollup tbody tr');
    expect(rows.length).toBe(1);
    expect(rows.first().find('td').map((_, el) => $(el).text()).get()).toEqual([world.bureau.name, '已发布', '0']);
    expect($('.rollup-sum table.form').length).toBeGreaterThanOrEqual(3);
    expect($('form.publish').length).toBe(0);
  });
});
