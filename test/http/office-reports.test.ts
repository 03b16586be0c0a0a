/**
 * The back office's annual report screen on SQLite and PostgreSQL: the Art. 49 reminder, the 发布到门户 button
 * (reviewers only, CSRF-checked) and the supervisor's roll-up of the agencies below.
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
import { TODAY, VALID_ID, seedPortalWorld, type PortalWorld } from './portal-fixture.ts';

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
