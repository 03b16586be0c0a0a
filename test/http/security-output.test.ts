/**
 * What leaves the server, on SQLite and PostgreSQL: script typed into any text field of the public application form
 * or the office registration form is shown escaped on every page that shows it (receipt, office list, application
 * page, status page), also when the form comes back with errors; ID numbers and phone numbers never appear in full
 * in the office list, the staff API list, or the log lines.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { createApiToken } from '../../src/modules/accounts/use-cases/create-api-token.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { insertUser } from '../factories/user-factory.ts';
import { officeLogin as login, postUrlEncoded as post } from '../support/office-session.ts';
import { testDatabases, type TestDatabase } from '../support/databases.ts';
import { TODAY, VALID_CREDIT_CODE, VALID_ID, formSession, organisationFields, personFields, seedPortalWorld, type PortalWorld } from './portal-fixture.ts';

const calendar = loadCalendar();
const SCRIPT = '<script>alert(1)</script>';
const ATTRIBUTE = '"><img src=x onerror=alert(1)>';
const SINGLE = "'><svg onload=alert(1)>";
const PAYLOADS = [SCRIPT, ATTRIBUTE, SINGLE];
/** What must never appear in a page: the payloads' markup, live. */
const LIVE = ['<script>alert(1)', '<img src=x onerror', '<svg onload'];
const PHONE = '13812345678';
const LANDLINE = '0599-83605678';

function expectInert(res: LightMyRequestResponse, where: string): void {
  for (const live of LIVE) expect(res.body, `${where}: ${live}`).not.toContain(live);
}

/** Every field of a form set to the payload (selects and hidden fields too: the server must not echo them raw). */
const allFields = (fields: Record<string, string>, payload: string) => Object.fromEntries(Object.keys(fields).map((k) => [k, payload]));

/** The tracking code and secret as a receipt page shows them. */
function receiptOf(body: string): { trackingCode: string; secret: string } {
  const codes = [...body.matchAll(/\b([A-Z0-9]{4}[- ]?[A-Z0-9]{4}[- ]?[A-Z0-9]{4}(?:[- ]?[A-Z0-9]{4})?)\b/g)].map((m) => m[1]!.replace(/[- ]/g, ''));
  const trackingCode = codes.find((c) => c.length === 12) ?? '';
  const secret = codes.find((c) => c.length === 16) ?? '';
  return { trackingCode, secret };
}

describe.each(testDatabases())('escaping and masking ($name)', (target) => {
  let handle: TestDatabase;
  let app: FastifyInstance;
  let world: PortalWorld;
  const log: string[] = [];
  let clerk = '';
  let token = '';
  /** applications registered with script in their fields: tracking code, secret */
  const hostile: Array<{ trackingCode: string; secret: string }> = [];

  beforeAll(async () => {
    handle = await target.open();
    world = await seedPortalWorld(handle.db);
    clerk = `xclerk${target.name}`;
    await insertUser(handle.db, [{ agencyId: world.bureau.id, role: 'clerk' }], { username: clerk });
    const admin = await insertUser(handle.db, [{ agencyId: world.bureau.id, role: 'admin' }]);
    token = (await createApiToken({ db: handle.db, actor: admin.actor, clock: fixedClock(TODAY) }, { agencyId: world.bureau.id, role: 'clerk', name: '列表' })).token;
    app = await buildServer({
      db: handle.db,
      clock: fixedClock(TODAY),
      calendar,
      rateLimit: { capacity: 10_000, refillPerMinute: 10_000 },
      logger: 'info',
      logStream: { write: (line: string) => void log.push(line) },
    });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  describe('script in every text field', () => {
    it.each(PAYLOADS)('the public form sent back with errors shows %s inert, for a person and an organisation', async (payload) => {
      for (const [kind, fields] of [['naturalPerson', personFields()], ['organisation', organisationFields()]] as const) {
        const session = await formSession(app, `/a/demo-czj/apply?type=${kind}`);
        const res = await post(app, '/a/demo-czj/apply', { ...allFields(fields, payload), 'applicant.type': kind, _csrf: session.token }, session.cookie);
        expect(res.statusCode).toBe(400);
        expectInert(res, `apply ${kind}`);
      }
    });

    it.each(PAYLOADS)('a valid public application carrying %s in its free-text fields: receipt and status page inert', async (payload) => {
      const cases = [
        personFields({ 'applicant.name': payload, 'applicant.idType': '护照', 'applicant.idNumber': payload, 'applicant.address': payload, description: payload, purpose: payload }),
        organisationFields({ 'applicant.name': payload, 'applicant.legalRepresentative': payload, 'applicant.contactName': payload, 'applicant.address': payload, description: payload, purpose: payload }),
      ];
      for (const fields of cases) {
        const session = await formSession(app, '/a/demo-czj/apply');
        const receipt = await post(app, '/a/demo-czj/apply', { ...fields, _csrf: session.token }, session.cookie);
        expect(receipt.statusCode, receipt.body.slice(0, 300)).toBe(200);
        expectInert(receipt, 'receipt');
        const codes = receiptOf(receipt.body);
        expect(codes.trackingCode).toHaveLength(12);
        hostile.push(codes);
        const status = await formSession(app, '/status');
        const page = await post(app, '/status', { ...codes, _csrf: status.token }, status.cookie);
        expect(page.statusCode).toBe(200);
        expectInert(page, 'status page');
      }
    });

    it.each(PAYLOADS)('the office registration form with %s everywhere, and a registration carrying it: inert', async (payload) => {
      const session = await login(app, clerk);
      const base = {
        agencyId: String(world.bureau.id),
        'intake.channel': 'inPerson',
        'intake.date': TODAY,
        'intake.confirmedOn': '',
        ...personFields(),
      };
      const refused = await post(app, '/office/applications/new', { ...allFields(base, payload), _csrf: session.csrf }, session.cookie);
      expect(refused.statusCode).toBeGreaterThanOrEqual(400);
      expectInert(refused, 'office registration with errors');
      const fields = { ...base, 'applicant.name': payload, 'applicant.idType': '其他', 'applicant.idNumber': payload, 'applicant.address': payload, description: payload, purpose: payload };
      const done = await post(app, '/office/applications/new', { ...fields, _csrf: session.csrf }, session.cookie);
      expect(done.statusCode, done.body.slice(0, 300)).toBe(200);
      expectInert(done, 'office registered page');
      hostile.push(receiptOf(done.body));
    });

    it('every page that shows those applications shows the script as text', async () => {
      expect(hostile.length).toBe(PAYLOADS.length * 3);
      const session = await login(app, clerk);
      const list = await app.inject({ url: `/office?agency=${world.bureau.id}`, headers: { cookie: session.cookie } });
      expect(list.statusCode).toBe(200);
      expectInert(list, 'office list');
      expect(list.body).toContain('&lt;script>alert(1)&lt;/script>');
      const rows = await handle.db.selectFrom('applications').select(['id', 'tracking_code']).where('tracking_code', 'in', hostile.map((h) => h.trackingCode)).execute();
      expect(rows).toHaveLength(hostile.length);
      let shown = 0;
      for (const row of rows) {
        const page = await app.inject({ url: `/office/applications/${row.id}`, headers: { cookie: session.cookie } });
        expect(page.statusCode).toBe(200);
        expectInert(page, `application page ${row.id}`);
        if (['&lt;script>alert(1)', '&lt;img src=x onerror', '&lt;svg onload'].some((escaped) => page.body.includes(escaped))) shown++;
      }
      expect(shown).toBe(rows.length);
    });
  });

  describe('masking', () => {
    it('ID numbers and phones are masked in the office list, the staff API list and the log', async () => {
      log.length = 0;
      const apply = (body: unknown) => app.inject({ method: 'POST', url: '/api/v1/agencies/demo-czj/applications', payload: body as object });
      const person = await apply({ applicant: { type: 'naturalPerson', name: '张三', idNumber: VALID_ID, phone: PHONE }, description: '掩码测试' });
      expect(person.statusCode).toBe(201);
      const org = await apply({ applicant: { type: 'organisation', orgType: 'business', name: '示范公司', creditCode: VALID_CREDIT_CODE, contactName: '李四', phone: LANDLINE }, description: '掩码测试' });
      expect(org.statusCode).toBe(201);
      const session = await formSession(app, '/a/demo-czj/apply');
      await post(app, '/a/demo-czj/apply', { ...personFields({ 'applicant.phone': PHONE }), _csrf: session.token }, session.cookie);
      // personal data in URLs (a mistaken link, a probe) and a failed look-up
      await app.inject({ url: `/api/v1/applications/${VALID_ID}`, headers: { 'x-tracking-secret': PHONE } });
      await app.inject({ url: `/office?id=${VALID_ID}&phone=${PHONE}` });
      await app.inject({ url: `/a/demo-czj/search?q=${VALID_ID}&p=${PHONE}` });

      const office = await login(app, clerk);
      const list = await app.inject({ url: `/office?agency=${world.bureau.id}`, headers: { cookie: office.cookie } });
      const api = await app.inject({ url: `/api/v1/staff/agencies/${world.bureau.id}/applications?pageSize=200`, headers: { authorization: `Bearer ${token}` } });
      expect(api.statusCode).toBe(200);
      expect(list.body).toContain('110105********002X');
      expect(api.body).toContain('138****5678');
      const lines = log.join('');
      expect(lines.length).toBeGreaterThan(0);
      for (const [where, text] of [
        ['office list', list.body],
        ['staff API list', api.body],
        ['log', lines],
      ] as const) {
        for (const secret of [VALID_ID, PHONE, '83605678']) {
          expect(text.split('\n').filter((line) => line.includes(secret)), `${where}: ${secret}`).toEqual([]);
        }
      }
      expect(lines).not.toContain(token);
      expect(lines).not.toContain(office.cookie.split('=')[1]!);
    });

    // The URL is decoded before masking: a phone number right after an encoded space (%20 or +) is still found.
    it('a phone number after an encoded space in the URL is masked in the log', async () => {
      log.length = 0;
      await app.inject({ url: `/a/demo-czj/search?q=%E7%94%B5%E8%AF%9D%20${PHONE}` });
      await app.inject({ url: `/a/demo-czj/search?q=tel+${PHONE}` });
      expect(log.join('')).not.toContain(PHONE);
    });
  });
});
