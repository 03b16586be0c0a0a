/**
 * The office's audit log page on SQLite and PostgreSQL: filters by actor, action, subject and Beijing-time dates, and
 * paging, all as query parameters of a plain GET form; bad filters answered beside the field with 400; every read
 * scoped to the agencies the signed-in admin or supervisor may read; personal data shown masked.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { createAgency } from '../../src/modules/agencies/use-cases/create-agency.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { recordAudit } from '../../src/modules/audit/audit.repository.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { insertUser } from '../factories/user-factory.ts';
import { officeLogin } from '../support/office-session.ts';
import { testDatabases, type TestDatabase } from '../support/databases.ts';
import { TODAY, VALID_ID, seedPortalWorld, type PortalWorld } from './portal-fixture.ts';

const calendar = loadCalendar();

const login = async (app: FastifyInstance, username: string): Promise<string> => (await officeLogin(app, username)).cookie;

const column = ($: CheerioAPI, n: number) => $(`table.list tbody tr td:nth-child(${n})`).map((_i, el) => $(el).text().trim()).get();

describe.each(testDatabases())('the audit log page ($name)', (target) => {
  let handle: TestDatabase;
  let app: FastifyInstance;
  let world: PortalWorld;
  let otherId = 0;
  const users = { admin: '', supervisor: '', otherAdmin: '' };
  let adminLabel = '';
  const cookies: Record<keyof typeof users, string> = { admin: '', supervisor: '', otherAdmin: '' };

  const get = async (who: keyof typeof users, query: string) => {
    const res = await app.inject({ url: `/office/audit${query}`, headers: { cookie: cookies[who] } });
    return { status: res.statusCode, body: res.body, $: load(res.body) };
  };
  const auditCount = async () => Number((await handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    handle = await target.open();
    world = await seedPortalWorld(handle.db);
    const system = { kind: 'system', name: 'test' } as const;
    otherId = (await createAgency({ db: handle.db, actor: system, clock: fixedClock(TODAY) }, { code: 'other-gov', name: '另一市人民政府', kind: 'government', level: 'municipal', regionCode: '329800' })).id;
    const suffix = target.name;
    const admin = await insertUser(handle.db, [{ agencyId: world.bureau.id, role: 'admin' }], { username: `auditadmin${suffix}` });
    await insertUser(handle.db, [{ agencyId: world.city.id, role: 'supervisor' }], { username: `auditsuper${suffix}` });
    await insertUser(handle.db, [{ agencyId: otherId, role: 'admin' }], { username: `otheradmin${suffix}` });
    users.admin = admin.user.username;
    users.supervisor = `auditsuper${suffix}`;
    users.otherAdmin = `otheradmin${suffix}`;
    adminLabel = `user:${admin.user.id}`;
    const b = world.bureau.id;
    const entries = [
      // one second before and at midnight of 6 March in Beijing (UTC+8)
      { agencyId: b, actor: 'user:9001', action: 'application.replied', subject: 'application:501', at: '2025-03-05T15:59:59.000Z' },
      { agencyId: b, actor: adminLabel, action: 'catalogue.published', subject: 'catalogue:77', at: '2025-03-05T16:00:00.000Z' },
      { agencyId: b, actor: adminLabel, action: 'application.supplementRequested', subject: 'application:502', at: '2025-03-06T02:00:00.000Z', details: { idNumber: VALID_ID, phone: '13812345678' } },
      { agencyId: world.city.id, actor: 'user:9002', action: 'report.published', subject: 'report:city-2024', at: '2025-03-07T02:00:00.000Z' },
      { agencyId: otherId, actor: 'user:9003', action: 'remedy.recorded', subject: 'report:other-secret', at: '2025-03-07T02:00:00.000Z' },
    ];
    for (const e of entries) await recordAudit(handle.db, e);
    for (let i = 1; i <= 55; i += 1) {
      await recordAudit(handle.db, { agencyId: b, actor: 'user:9004', action: 'attachment.added', subject: `attachment:${i}`, at: `2025-02-01T0${i % 10}:00:00.000Z` });
    }
    app = await buildServer({ db: handle.db, clock: fixedClock(TODAY), calendar, rateLimit: { capacity: 10_000, refillPerMinute: 10_000 } });
    cookies.admin = await login(app, users.admin);
    cookies.supervisor = await login(app, users.supervisor);
    cookies.otherAdmin = await login(app, users.otherAdmin);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('is a plain GET form with a labelled field for each filter, keeping what was asked', async () => {
    const { status, $ } = await get('admin', '?actor=user%3A9001&subject=application&from=2025-03-01&to=2025-03-31&action=application');
    expect(status).toBe(200);
    const form = $('form.filters');
    expect(form.attr('method')).toBe('get');
    for (const name of ['actor', 'action', 'subject', 'from', 'to']) {
      const control = form.find(`[name="${name}"]`);
      expect(control.length, name).toBe(1);
      expect($(`label[for="${control.attr('id')}"]`).length, name).toBe(1);
    }
    expect(form.find('[name="actor"]').val()).toBe('user:9001');
    expect(form.find('[name="from"]').val()).toBe('2025-03-01');
    expect(form.find('select[name="action"] option[selected]').attr('value')).toBe('application');
  });

  it('offers the actions recorded in the agencies read, with their Chinese names, and no others', async () => {
    const { $ } = await get('admin', '');
    const options = $('select[name="action"] option').map((_i, el) => $(el).attr('value')).get();
    expect(options).toEqual(expect.arrayContaining(['', 'application', 'application.replied', 'catalogue.published', 'attachment.added']));
    expect(options).not.toContain('remedy.recorded'); // only recorded in another agency
    expect($('select[name="action"] option[value="application.replied"]').text()).toContain('作出答复');
  });

  it('filters by actor, given as a username or as the stored label', async () => {
    const byName = await get('admin', `?actor=${users.admin}`);
    // the fixture's catalogue editor may share the admin's id; every row is the admin's and both of theirs are there
    // who acted is shown by name and user name, then the stored label (what the filter also takes)
    expect(new Set(column(byName.$, 3))).toEqual(new Set([expect.stringMatching(new RegExp(`（${users.admin}） ${adminLabel}$`))]));
    expect(column(byName.$, 5)).toEqual(expect.arrayContaining(['application:502', 'catalogue:77']));
    const byLabel = await get('admin', '?actor=user%3A9001');
    expect(column(byLabel.$, 5)).toEqual(['application:501']);
    expect(column((await get('admin', '?actor=nobody-here')).$, 1)).toEqual([]);
  });

  it('filters by one action or a group, and by a part of the subject', async () => {
    const published = await get('admin', '?action=catalogue.published');
    expect(column(published.$, 5)).toContain('catalogue:77');
    expect(published.$('table.list tbody td:nth-child(4) code').map((_i, el) => published.$(el).text()).get().every((a) => a === 'catalogue.published')).toBe(true);
    expect(column((await get('admin', '?action=application')).$, 5)).toEqual(['application:502', 'application:501']);
    expect(column((await get('admin', '?subject=ion%3A50')).$, 5)).toEqual(['application:502', 'application:501']);
  });

  it('reads the dates as Beijing days, both ends included, and shows Beijing time', async () => {
    const day = await get('admin', '?from=2025-03-06&to=2025-03-06');
    expect(column(day.$, 5)).toEqual(['application:502', 'catalogue:77']);
    expect(column(day.$, 2)).toEqual(['2025-03-06 10:00:00', '2025-03-06 00:00:00']);
    expect(column((await get('admin', '?to=2025-03-05&action=application')).$, 5)).toEqual(['application:501']);
  });

  it('pages through the results 50 at a time, the links keeping the filters', async () => {
    const first = await get('admin', '?action=attachment.added');
    expect(first.$('table.list tbody tr').length).toBe(50);
    expect(first.$('main').text()).toContain('共 55 条记录');
    const next = first.$('nav.pager a[rel="next"]').attr('href') ?? '';
    expect(new URLSearchParams(next.split('?')[1]).get('action')).toBe('attachment.added');
    const second = await get('admin', `?${next.split('?')[1]}`);
    expect(second.$('table.list tbody tr').length).toBe(5);
    expect(new Set([...column(first.$, 5), ...column(second.$, 5)]).size).toBe(55);
    const beyond = await get('admin', '?action=attachment.added&page=99');
    expect([beyond.status, beyond.$('table.list').length]).toEqual([200, 0]);
  });

  it.each([
    ['a date that does not exist', '?from=2025-02-30', 'from', /起始日期无效/],
    ['a date in another form', '?to=next-week', 'to', /截止日期无效/],
    ['an end before the start', '?from=2025-03-06&to=2025-03-01', 'to', /截止日期不能早于起始日期/],
    ['an action not in the list', `?action=${encodeURIComponent('<script>x</script>')}`, 'action', /操作无效/],
    ['an overlong subject', `?subject=${'x'.repeat(201)}`, 'subject', /不能超过200个字符/],
    ['a repeated parameter', '?from=bad&from=2025-03-01', 'from', /起始日期无效/],
  ])('answers %s with 400 and the message beside the field, storing nothing', async (_name, query, field, message) => {
    const before = await auditCount();
    const { status, body, $ } = await get('admin', query);
    expect(status).toBe(400);
    expect($(`#f-${field}-error`).text()).toMatch(message);
    const control = $(`#f-${field}`);
    expect(control.attr('aria-invalid')).toBe('true');
    expect(control.attr('aria-describedby')).toContain(`f-${field}-error`);
    expect($('title').text()).toMatch(/^错误/);
    expect(body).not.toContain('<script>x</script>');
    expect(await auditCount()).toBe(before);
  });

  it('answers a bad page number with 400 and a Chinese message', async () => {
    const { status, $ } = await get('admin', '?page=-1');
    expect(status).toBe(400);
    expect($('.error-box').text()).toMatch(/页码无效/);
  });

  it("never shows an admin another agency's log", async () => {
    expect((await get('admin', `?agency=${world.city.id}`)).status).toBe(403);
    expect((await get('admin', `?agency=${otherId}`)).status).toBe(403);
    const all = await get('admin', '?agency=all&subject=report');
    expect(all.status).toBe(200);
    expect(column(all.$, 5)).toEqual([]);
    expect((await get('otherAdmin', `?agency=${world.bureau.id}`)).status).toBe(403);
  });

  it('lets a supervisor read their agency and those below, together, and nothing beside them', async () => {
    const all = await get('supervisor', '?agency=all&action=report');
    expect(all.status).toBe(200);
    expect(column(all.$, 5)).toEqual(['report:city-2024']);
    expect(all.$('table.list thead th').last().text()).toBe('机关');
    const everything = await get('supervisor', '?agency=all');
    expect(everything.$('main').text()).not.toContain('other-secret');
    const readable = await handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('agency_id', 'in', [world.city.id, world.bureau.id]).executeTakeFirstOrThrow();
    expect(everything.$('main').text()).toContain(`共 ${Number(readable.n)} 条记录`);
    const below = await get('supervisor', `?agency=${world.bureau.id}&subject=catalogue%3A77`);
    expect(column(below.$, 5)).toEqual(['catalogue:77']);
    expect((await get('supervisor', `?agency=${otherId}`)).status).toBe(403);
  });

  it('shows personal data masked', async () => {
    const { body, $ } = await get('admin', '?subject=application%3A502');
    expect(column($, 5)).toEqual(['application:502']);
    expect(body).not.toContain(VALID_ID);
    expect(body).not.toContain('13812345678');
    expect($('table.list tbody td code').text()).toContain('138****5678');
  });
});
