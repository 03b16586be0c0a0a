/**
 * The staff back office on SQLite and PostgreSQL: signing in and out, sessions and CSRF on every route, the
 * dashboard, and the workflow steps — refused across agencies and roles, bad input answered beside the field.
 */
import { load } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
import { buildServer } from '../../src/http/server.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { registerApplication } from '../../src/modules/applications/use-cases/register-application.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { insertUser, TEST_PASSWORD } from '../factories/user-factory.ts';
import { cookieOf, officeLogin as login, postUrlEncoded as post } from '../support/office-session.ts';
import { testDatabases, type TestDatabase } from '../support/databases.ts';
import { HOSTILE, TODAY, VALID_ID, seedPortalWorld, type PortalWorld } from './portal-fixture.ts';

const calendar = loadCalendar();

interface Users {
  readonly clerk: string;
  readonly reviewer: string;
  readonly cityClerk: string;
  readonly supervisor: string;
  readonly victim: string;
  readonly admin: string;
}

async function loginForm(app: FastifyInstance): Promise<{ csrf: string; cookie: string }> {
  const res = await app.inject({ url: '/office/login' });
  return { csrf: /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? '', cookie: cookieOf(res, 'gk_csrf') };
}

async function attemptLogin(app: FastifyInstance, username: string, password: string) {
  const form = await loginForm(app);
  return post(app, '/office/login', { _csrf: form.csrf, username, password, next: '/office' }, form.cookie);
}

async function eventCount(db: Kysely<Database>, applicationId: number): Promise<number> {
  const row = await db.selectFrom('application_events').where('application_id', '=', applicationId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(testDatabases())('the staff office ($name)', (target) => {
  let handle: TestDatabase;
  let app: FastifyInstance;
  let world: PortalWorld;
  let users: Users;
  let applicationId = 0;
  let cityApplicationId = 0;

  beforeAll(async () => {
    handle = await target.open();
    world = await seedPortalWorld(handle.db);
    const b = world.bureau.id;
    const c = world.city.id;
    const names = { clerk: `clerk${target.name}`, reviewer: `reviewer${target.name}`, cityClerk: `cityclerk${target.name}`, supervisor: `super${target.name}`, victim: `victim${target.name}`, admin: `admin${target.name}` };
    await insertUser(handle.db, [{ agencyId: b, role: 'clerk' }], { username: names.clerk, display_name: '王经办' });
    await insertUser(handle.db, [{ agencyId: b, role: 'reviewer' }], { username: names.reviewer, display_name: '李审核' });
    await insertUser(handle.db, [{ agencyId: c, role: 'clerk' }], { username: names.cityClerk });
    await insertUser(handle.db, [{ agencyId: c, role: 'supervisor' }], { username: names.supervisor });
    await insertUser(handle.db, [{ agencyId: b, role: 'clerk' }], { username: names.victim });
    await insertUser(handle.db, [{ agencyId: b, role: 'admin' }], { username: names.admin });
    users = names;
    const ctx = { db: handle.db, actor: { kind: 'public' } as const, clock: fixedClock(TODAY), calendar };
    const form = (description: string) => ({
      applicant: { type: 'naturalPerson', name: '张三', idNumber: VALID_ID, phone: '13812345678' },
      description,
      form: 'electronic',
      delivery: 'email',
    });
    applicationId = (await registerApplication(ctx, { agencyId: b, form: form('2024年部门决算') })).applicationId;
    cityApplicationId = (await registerApplication(ctx, { agencyId: c, form: form('市政府2024年工作报告') })).applicationId;
    app = await buildServer({ db: handle.db, clock: fixedClock(TODAY), calendar, rateLimit: { capacity: 10_000, refillPerMinute: 10_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  describe('signing in', () => {
    it('signs a clerk in with an HttpOnly, SameSite=Lax session cookie and leads to the dashboard', async () => {
      const res = await attemptLogin(app, users.clerk, TEST_PASSWORD);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/office');
      const raw = (Array.isArray(res.headers['set-cookie']) ? res.headers['set-cookie'] : [String(res.headers['set-cookie'])]).find((c) => c.startsWith('gk_session='));
      expect(raw).toMatch(/HttpOnly/i);
      expect(raw).toMatch(/SameSite=Lax/i);
      expect(raw).not.toMatch(/Secure/i); // plain http here
    });

    it('marks the cookie Secure over https', async () => {
      const secureApp = await buildServer({ db: handle.db, clock: fixedClock(TODAY), calendar, trustProxy: true });
      try {
        const page = await secureApp.inject({ url: '/office/login', headers: { 'x-forwarded-proto': 'https' } });
        const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
        const res = await secureApp.inject({
          method: 'POST',
          url: '/office/login',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https', cookie: cookieOf(page, 'gk_csrf') },
          payload: new URLSearchParams({ _csrf: csrf, username: users.reviewer, password: TEST_PASSWORD }).toString(),
        });
        const raw = (Array.isArray(res.headers['set-cookie']) ? res.headers['set-cookie'] : [String(res.headers['set-cookie'])]).join('\n');
        expect(res.statusCode).toBe(303);
        expect(raw).toMatch(/gk_session=[^\n]*Secure/i);
      } finally {
        await secureApp.close();
      }
    });

    it('refuses a wrong password and an unknown user with the same Chinese message', async () => {
      const wrong = await attemptLogin(app, users.reviewer, 'not-the-password-1');
      const unknown = await attemptLogin(app, 'nobody-here', 'not-the-password-1');
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      const message = (body: string) => load(body)('.error-box').text().trim();
      expect(message(wrong.body)).toMatch(/用户名或密码不正确/);
      expect(message(unknown.body)).toBe(message(wrong.body));
      expect(cookieOf(wrong, 'gk_session')).toBe('');
    });

    it('locks the account after repeated failures: even the right password is then refused', async () => {
      for (let i = 0; i < 5; i++) expect((await attemptLogin(app, users.victim, `wrong-password-${i}`)).statusCode).toBe(401);
      const locked = await attemptLogin(app, users.victim, TEST_PASSWORD);
      expect(locked.statusCode).toBe(401);
      expect(load(locked.body)('.error-box').text()).toMatch(/暂时锁定/);
      expect(cookieOf(locked, 'gk_session')).toBe('');
    });

    it('goes back to the office page asked for, never to another site', async () => {
      for (const [next, expected] of [['/office/applications/1', '/office/applications/1'], ['//evil.example/office', '/office'], ['https://evil.example', '/office']]) {
        const form = await loginForm(app);
        const res = await post(app, '/office/login', { _csrf: form.csrf, username: users.clerk, password: TEST_PASSWORD, next: next! }, form.cookie);
        expect(res.headers.location).toBe(expected);
      }
    });

    it('names the empty field in Chinese', async () => {
      const res = await attemptLogin(app, '', '');
      expect(res.statusCode).toBe(400);
      expect(load(res.body)('#f-username-error').text()).toMatch(/请填写用户名/);
    });

    it('refuses a login form without its CSRF token', async () => {
      const form = await loginForm(app);
      const res = await post(app, '/office/login', { username: users.clerk, password: TEST_PASSWORD }, form.cookie);
      expect(res.statusCode).toBe(403);
      expect(cookieOf(res, 'gk_session')).toBe('');
    });

    it('signs out with a POST carrying the CSRF token; the session then no longer works', async () => {
      const s = await login(app, users.reviewer);
      expect((await post(app, '/office/logout', {}, s.cookie)).statusCode).toBe(403);
      expect((await app.inject({ url: '/office', headers: { cookie: s.cookie } })).statusCode).toBe(200);
      const out = await post(app, '/office/logout', { _csrf: s.csrf }, s.cookie);
      expect(out.statusCode).toBe(303);
      const after = await app.inject({ url: '/office', headers: { cookie: s.cookie } });
      expect(after.statusCode).toBe(303);
      expect(after.headers.location).toMatch(/^\/office\/login/);
    });
  });

  describe('without a session', () => {
    it.each([
      ['GET', '/office'],
      ['GET', '/office/applications/1'],
      ['POST', '/office/applications/1/reply'],
      ['POST', '/office/applications/1/approve-extension'],
      ['GET', '/office/applications/new'],
      ['POST', '/office/applications/new'],
      ['GET', '/office/reports/2024'],
      ['GET', '/office/reports/2024/export/docx'],
      ['GET', '/office/audit'],
    ])('%s %s leads to the login page', async (method, url) => {
      const res = await app.inject({ method: method as 'GET' | 'POST', url, headers: { cookie: 'gk_session=forged-token' } });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(/^\/office\/login/);
    });
  });

  describe('the dashboard', () => {
    it("lists the agency's open applications with ID numbers and phones masked", async () => {
      const s = await login(app, users.clerk);
      const res = await app.inject({ url: '/office', headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(200);
      const $ = load(res.body);
      const rows = $('table.list tbody tr');
      expect(rows.length).toBe(1);
      expect(rows.find(`a[href="/office/applications/${applicationId}"]`).length).toBe(1);
      expect(res.body).not.toContain(VALID_ID);
      expect(res.body).not.toContain('13812345678');
      expect(rows.text()).toMatch(/\*/);
    });

    it('lets a supervisor pick the agencies below', async () => {
      const s = await login(app, users.supervisor);
      const res = await app.inject({ url: `/office?agency=${world.bureau.id}`, headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(200);
      const $ = load(res.body);
      expect($('h1').text()).toContain(world.bureau.name);
      expect($(`select[name=agency] option[value="${world.bureau.id}"]`).text()).toContain('下级');
      expect($(`a[href="/office/applications/${applicationId}"]`).length).toBe(1);
    });
  });

  describe('registering an application that came on paper', () => {
    const letter = (overrides: Record<string, string> = {}) => ({
      agencyId: String(world.bureau.id),
      'intake.channel': 'registeredPost',
      'intake.date': '2025-03-07',
      'intake.confirmedOn': '',
      'applicant.type': 'naturalPerson',
      'applicant.name': '赵六',
      'applicant.idType': '居民身份证',
      'applicant.idNumber': VALID_ID,
      'applicant.phone': '13912345678',
      description: '2024年政府采购合同',
      ...overrides,
    });

    it('registers a registered letter as received the day it was signed for (Art. 31) and shows the secret once', async () => {
      const s = await login(app, users.clerk);
      const form = await app.inject({ url: '/office/applications/new', headers: { cookie: s.cookie } });
      expect(form.statusCode).toBe(200);
      expect(load(form.body)(`select[name=agencyId] option[value="${world.bureau.id}"]`).length).toBe(1);
      const res = await post(app, '/office/applications/new', { _csrf: s.csrf, ...letter() }, s.cookie);
      expect(res.statusCode, res.body).toBe(200);
      const $ = load(res.body);
      expect($('.secret').length).toBe(2);
      expect($('table.meta').text()).toContain('2025年3月7日');
      const row = await handle.db.selectFrom('applications').where('applicant_name', '=', '赵六').select(['received_on', 'channel']).executeTakeFirstOrThrow();
      expect(row).toEqual({ received_on: '2025-03-07', channel: 'registeredPost' });
    });

    it('names each bad field beside it and stores nothing', async () => {
      const s = await login(app, users.clerk);
      const count = async () => Number((await handle.db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const res = await post(app, '/office/applications/new', { _csrf: s.csrf, ...letter({ 'intake.date': '昨天', 'applicant.name': '' }) }, s.cookie);
      expect(res.statusCode).toBe(400);
      const $ = load(res.body);
      expect($('#f-intake-date-error').text()).toMatch(/签收日期无效/);
      expect($('#f-applicant-name-error').text()).toMatch(/请填写姓名/);
      const phone = await post(app, '/office/applications/new', { _csrf: s.csrf, ...letter({ 'applicant.phone': '12' }) }, s.cookie);
      expect(phone.statusCode).toBe(400);
      expect(load(phone.body)('#f-applicant-phone-error').text()).toMatch(/[\u4e00-\u9fff]/);
      expect(await count()).toBe(before);
    });

    it("refuses registering in another agency's name, and a supervisor (who writes nothing)", async () => {
      const city = await login(app, users.cityClerk);
      expect((await post(app, '/office/applications/new', { _csrf: city.csrf, ...letter() }, city.cookie)).statusCode).toBe(403);
      const sup = await login(app, users.supervisor);
      expect((await post(app, '/office/applications/new', { _csrf: sup.csrf, ...letter() }, sup.cookie)).statusCode).toBe(403);
    });
  });

  describe('the application page', () => {
    it('shows the application with its history and the steps allowed now', async () => {
      const s = await login(app, users.clerk);
      const res = await app.inject({ url: `/office/applications/${applicationId}`, headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(200);
      const $ = load(res.body);
      expect($('ol li').first().text()).toContain('收到申请');
      expect($('ol li').first().text()).toContain('公众（网上提交）'); // who acted, in words, not a stored label
      const links = $('ul.steps-list a').map((_i, el) => $(el).attr('href')).get();
      expect(links).toContain(`/office/applications/${applicationId}?step=request-supplement#step-request-supplement`);
      expect(links).toContain(`/office/applications/${applicationId}?step=reply#step-reply`);
      expect(links.some((l) => l.includes('record-supplement'))).toBe(false);
      expect(links.some((l) => l.includes('approve-extension'))).toBe(false); // a clerk is not offered it
      const reviewer = await login(app, users.reviewer);
      const theirs = load((await app.inject({ url: `/office/applications/${applicationId}`, headers: { cookie: reviewer.cookie } })).body);
      expect(theirs('ul.steps-list a[href*="approve-extension"]').length).toBe(1);
      expect($('form.panel').length).toBe(0);
      const open = load((await app.inject({ url: `/office/applications/${applicationId}?step=reply`, headers: { cookie: s.cookie } })).body);
      expect(open(`form[action="/office/applications/${applicationId}/reply"] select[name=outcome]`).length).toBe(1);
      const notNow = load((await app.inject({ url: `/office/applications/${applicationId}?step=record-supplement`, headers: { cookie: s.cookie } })).body);
      expect(notNow('form.panel').length).toBe(0);
    });

    it("refuses another agency's application, to read or to act on", async () => {
      const s = await login(app, users.cityClerk);
      expect((await app.inject({ url: `/office/applications/${applicationId}`, headers: { cookie: s.cookie } })).statusCode).toBe(403);
      const before = await eventCount(handle.db, applicationId);
      const res = await post(app, `/office/applications/${applicationId}/withdraw`, { _csrf: s.csrf }, s.cookie);
      expect(res.statusCode).toBe(403);
      expect(await eventCount(handle.db, applicationId)).toBe(before);
      const bureauClerk = await login(app, users.clerk);
      expect((await app.inject({ url: `/office/applications/${cityApplicationId}`, headers: { cookie: bureauClerk.cookie } })).statusCode).toBe(403);
      expect((await app.inject({ url: `/office?agency=${world.city.id}`, headers: { cookie: bureauClerk.cookie } })).body).not.toContain(`/office/applications/${cityApplicationId}"`);
    });

    it('refuses a clerk approving an extension (Art. 33: reviewer only)', async () => {
      const s = await login(app, users.clerk);
      const before = await eventCount(handle.db, applicationId);
      const res = await post(app, `/office/applications/${applicationId}/approve-extension`, { _csrf: s.csrf, workingDays: '10', reason: '需调取档案' }, s.cookie);
      expect(res.statusCode).toBe(403);
      expect(await eventCount(handle.db, applicationId)).toBe(before);
    });

    it('refuses a step without or with a wrong CSRF token', async () => {
      const s = await login(app, users.clerk);
      const before = await eventCount(handle.db, applicationId);
      for (const token of [undefined, 'wrong-token', s.csrf.slice(0, -1)]) {
        const fields: Record<string, string> = { whatIsMissing: '请说明所需信息的年份', termEnds: '2025-03-25' };
        if (token !== undefined) fields['_csrf'] = token;
        expect((await post(app, `/office/applications/${applicationId}/request-supplement`, fields, s.cookie)).statusCode).toBe(403);
      }
      expect(await eventCount(handle.db, applicationId)).toBe(before);
    });

    it('answers bad input with the field and the reason, storing nothing', async () => {
      const s = await login(app, users.clerk);
      const before = await eventCount(handle.db, applicationId);
      const res = await post(app, `/office/applications/${applicationId}/request-supplement`, { _csrf: s.csrf, whatIsMissing: '', termEnds: '2025-13-45' }, s.cookie);
      expect(res.statusCode).toBe(400);
      const $ = load(res.body);
      expect($('#step-request-supplement #f-whatIsMissing-error').text()).toMatch(/请填写需要补正的事项/);
      expect($('#step-request-supplement #f-termEnds-error').text()).toMatch(/补正期限截止日期无效/);
      expect($('#step-request-supplement #f-termEnds').attr('value')).toBe('2025-13-45');
      expect(await eventCount(handle.db, applicationId)).toBe(before);
    });

    it('gives script typed into a field back escaped', async () => {
      const s = await login(app, users.clerk);
      const bad = await post(app, `/office/applications/${applicationId}/request-supplement`, { _csrf: s.csrf, whatIsMissing: HOSTILE, termEnds: 'soon' }, s.cookie);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).not.toContain(HOSTILE);
      expect(load(bad.body)('#f-whatIsMissing').text()).toBe(HOSTILE);
    });

    it('takes the steps: supplement asked and recorded, extension approved by a reviewer, reply; each a 303 back', async () => {
      const clerk = await login(app, users.clerk);
      const reviewer = await login(app, users.reviewer);
      const url = (step: string) => `/office/applications/${applicationId}/${step}`;
      const asked = await post(app, url('request-supplement'), { _csrf: clerk.csrf, whatIsMissing: `请写明年份${HOSTILE}`, termEnds: '2025-03-31' }, clerk.cookie);
      expect(asked.statusCode, asked.body).toBe(303);
      expect(asked.headers.location).toBe(`/office/applications/${applicationId}?done=request-supplement`);
      const supplied = await post(app, url('record-supplement'), { _csrf: clerk.csrf, note: '已补充年份' }, clerk.cookie);
      expect(supplied.statusCode, supplied.body).toBe(303);
      const extended = await post(app, url('approve-extension'), { _csrf: reviewer.csrf, workingDays: '20', reason: '需要调取档案' }, reviewer.cookie);
      expect(extended.statusCode, extended.body).toBe(303);
      const twice = await post(app, url('approve-extension'), { _csrf: reviewer.csrf, workingDays: '5', reason: '再延' }, reviewer.cookie);
      expect(twice.statusCode).toBe(409);
      expect(load(twice.body)('#step-approve-extension .error-box').text()).toMatch(/[\u4e00-\u9fff]/);
      const replied = await post(app, url('reply'), { _csrf: clerk.csrf, outcome: 'disclosed', legalBasis: '《条例》第三十六条第（二）项' }, clerk.cookie);
      expect(replied.statusCode, replied.body).toBe(303);
      const page = await app.inject({ url: `/office/applications/${applicationId}`, headers: { cookie: clerk.cookie } });
      const $ = load(page.body);
      expect($('ol li').map((_i, el) => $(el).text()).get().join('|')).toMatch(/告知补正.*申请人补正.*批准延期答复.*作出答复/);
      expect($('ol li').map((_i, el) => $(el).text()).get().join('|')).toContain('王经办（' + users.clerk + '）');
      expect($('ul.steps-list a').text()).toContain('登记送达');
      expect(page.body).not.toContain(HOSTILE);
    });
  });

  describe('the other steps', () => {
    it('consults a third party, records the answer, issues a fee notice, records payment, and records a withdrawal', async () => {
      const ctx = { db: handle.db, actor: { kind: 'public' } as const, clock: fixedClock(TODAY), calendar };
      const form = { applicant: { type: 'naturalPerson', name: '钱七', idNumber: VALID_ID, phone: '13812345678' }, description: '某企业环评材料', form: 'paper', delivery: 'post' };
      const id = (await registerApplication(ctx, { agencyId: world.bureau.id, form })).applicationId;
      const s = await login(app, users.clerk);
      const step = (name: string, fields: Record<string, string>) => post(app, `/office/applications/${id}/${name}`, { _csrf: s.csrf, ...fields }, s.cookie);
      expect((await step('start-consultation', { party: 'thirdParty', partyName: '某环保科技有限公司' })).statusCode).toBe(303);
      const noAnswer = await step('record-consultation-answer', { answer: 'maybe' });
      expect(noAnswer.statusCode).toBe(400);
      expect(load(noAnswer.body)('#f-answer-error').text()).toMatch(/意见应为同意、不同意或逾期未答复/);
      expect((await step('record-consultation-answer', { answer: 'consent', note: '同意公开' })).statusCode).toBe(303);
      const badFee = await step('issue-fee-notice', { noticeReceivedOn: '2025-03-10', 'charge.standard': 'perVolume', 'charge.pages': 'many' });
      expect(badFee.statusCode).toBe(400);
      expect(load(badFee.body)('#step-issue-fee-notice #f-charge-pages-error').text()).toMatch(/[\u4e00-\u9fff]/);
      const fee = await step('issue-fee-notice', { noticeReceivedOn: '2025-03-10', 'charge.standard': 'perVolume', 'charge.pages': '300' });
      expect(fee.statusCode, fee.body).toBe(303);
      expect((await step('record-fee-payment', {})).statusCode).toBe(303);
      expect((await step('withdraw', {})).statusCode).toBe(303);
      const page = load((await app.inject({ url: `/office/applications/${id}`, headers: { cookie: s.cookie } })).body);
      expect(page('table.meta').text()).toContain('已撤回');
      expect(page('ol li').map((_i, el) => page(el).text()).get().join('|')).toMatch(/征求意见.*收到意见.*发出收费通知.*申请人缴费.*申请人撤回申请/);
    });

    it('offers a supervisor no step (supervisors write nothing)', async () => {
      const s = await login(app, users.supervisor);
      const res = await app.inject({ url: `/office/applications/${applicationId}`, headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(200);
      expect(load(res.body)('ul.steps-list a').length).toBe(0);
    });
  });

  describe('the annual report screen', () => {
    it('leads to the report on last year (Art. 49)', async () => {
      const s = await login(app, users.clerk);
      const res = await app.inject({ url: '/office/reports', headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/office/reports/2024');
    });

    it("builds the agency's report from the data and shows the checker's findings beside the tables", async () => {
      const s = await login(app, users.clerk);
      const res = await app.inject({ url: '/office/reports/2025', headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(200);
      const $ = load(res.body);
      expect($('main h1').first().text()).toContain(world.bureau.name);
      expect($('article.report table.form').length).toBeGreaterThanOrEqual(3);
      expect($('aside[aria-label=检查结果] h2').text()).toBe('检查结果');
      expect($('aside li, aside .success-box').length).toBeGreaterThan(0);
    });

    it('exports the built report as JSON and as a Word file', async () => {
      const s = await login(app, users.clerk);
      const json = await app.inject({ url: '/office/reports/2025/export/json', headers: { cookie: s.cookie } });
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(json.body)).toMatchObject({ year: 2025, agency: world.bureau.name });
      const docx = await app.inject({ url: '/office/reports/2025/export/docx', headers: { cookie: s.cookie } });
      expect(docx.statusCode).toBe(200);
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect((await app.inject({ url: '/office/reports/2025/export/exe', headers: { cookie: s.cookie } })).statusCode).toBe(404);
    });

    it('answers a year out of range with a Chinese 404 and needs a session', async () => {
      const s = await login(app, users.clerk);
      const res = await app.inject({ url: '/office/reports/1999', headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(404);
      expect(res.body).toMatch(/没有这一年度的报告/);
      expect((await app.inject({ url: '/office/reports/2025' })).statusCode).toBe(303);
      expect((await app.inject({ url: '/office/reports/2025/export/json' })).statusCode).toBe(303);
    });

    it("never shows another agency's report to a clerk; a supervisor sees the agencies below", async () => {
      const city = await login(app, users.cityClerk);
      const res = await app.inject({ url: `/office/reports/2025?agency=${world.bureau.id}`, headers: { cookie: city.cookie } });
      expect(load(res.body)('main h1').first().text()).toContain(world.city.name);
      const json = await app.inject({ url: `/office/reports/2025/export/json?agency=${world.bureau.id}`, headers: { cookie: city.cookie } });
      expect(JSON.parse(json.body).agency).toBe(world.city.name);
      const sup = await login(app, users.supervisor);
      const below = await app.inject({ url: `/office/reports/2025?agency=${world.bureau.id}`, headers: { cookie: sup.cookie } });
      expect(load(below.body)('main h1').first().text()).toContain(world.bureau.name);
    });
  });

  describe('the audit log page', () => {
    it('is refused to a clerk', async () => {
      const s = await login(app, users.clerk);
      expect((await app.inject({ url: '/office/audit', headers: { cookie: s.cookie } })).statusCode).toBe(403);
      expect(load((await app.inject({ url: '/office', headers: { cookie: s.cookie } })).body)('a[href="/office/audit"]').length).toBe(0);
    });

    it("shows an admin their agency's entries, newest first, with the chain verified", async () => {
      const s = await login(app, users.admin);
      const res = await app.inject({ url: '/office/audit', headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(200);
      const $ = load(res.body);
      expect($('.success-box').text()).toMatch(/校验通过/);
      const seqs = $('table.list tbody tr td:first-child').map((_i, el) => Number($(el).text())).get();
      expect(seqs.length).toBeGreaterThan(0);
      expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
      expect(res.body).not.toContain(VALID_ID);
    });

    it('filters by action and by date, and names a bad date beside its field', async () => {
      const s = await login(app, users.admin);
      const all = load((await app.inject({ url: '/office/audit', headers: { cookie: s.cookie } })).body)('table.list tbody tr').length;
      const action = load((await app.inject({ url: '/office/audit?action=application', headers: { cookie: s.cookie } })).body);
      const actions = action('table.list tbody tr td:nth-child(4)').map((_i, el) => action(el).text()).get();
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.every((a) => a.includes('application'))).toBe(true);
      expect(actions.length).toBeLessThanOrEqual(all);
      const none = load((await app.inject({ url: '/office/audit?from=2030-01-01', headers: { cookie: s.cookie } })).body);
      expect(none('table.list').length).toBe(0);
      const bad = await app.inject({ url: '/office/audit?to=next-week', headers: { cookie: s.cookie } });
      expect(bad.statusCode).toBe(400);
      expect(load(bad.body)('#f-to-error').text()).toMatch(/截止日期无效/);
    });

    it('lets a supervisor read the log of an agency below', async () => {
      const s = await login(app, users.supervisor);
      const res = await app.inject({ url: `/office/audit?agency=${world.bureau.id}`, headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(200);
      expect(load(res.body)('h1').text()).toContain(world.bureau.name);
    });
  });
});
