/**
 * Route-wide security on SQLite and PostgreSQL, over every route the server registers (collected by an onRoute
 * hook on a fresh server, never a hand-written list): the office needs a session and, to change anything, its CSRF
 * token; the staff API needs a live token; another agency's records are refused on every route with an id; a clerk
 * cannot take a reviewer's step. Nothing refused changes a row.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
import { buildServer } from '../../src/http/server.ts';
import { STEP_SLUGS } from '../../src/http/office/steps.ts';
import { createApiToken } from '../../src/modules/accounts/use-cases/create-api-token.ts';
import { revokeApiToken } from '../../src/modules/accounts/use-cases/revoke-api-token.ts';
import { createAgency } from '../../src/modules/agencies/use-cases/create-agency.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { registerApplication } from '../../src/modules/applications/use-cases/register-application.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { createCatalogueItem } from '../../src/modules/catalogue/use-cases/create-catalogue-item.ts';
import { submitCatalogueItem } from '../../src/modules/catalogue/use-cases/submit-catalogue-item.ts';
import { insertUser } from '../factories/user-factory.ts';
import { testDatabases, type TestDatabase } from '../support/databases.ts';
import { officeLogin as login, postUrlEncoded as form } from '../support/office-session.ts';
import { routesOf, type RouteEntry } from '../support/route-table.ts';
import { TODAY, VALID_ID, seedPortalWorld, type PortalWorld } from './portal-fixture.ts';

// Every server built in this file reports its routes as they are added (test/support/route-table.ts).
vi.mock('fastify', async (original) => (await import('../support/route-table.ts')).fastifyWithRouteLog(original));

const calendar = loadCalendar();
const LOGIN = '/office/login';
const STAFF_API = '/api/v1/staff/';
/** The public API: no token. Any other /api/v1 route must sit under /api/v1/staff. */
const PUBLIC_API = ['GET /api/v1/agencies', 'POST /api/v1/agencies/:code/applications', 'GET /api/v1/applications/:trackingCode'];
const SECRET = 'B机关内部';
const TABLES = [
  'applications',
  'application_events',
  'catalogue_items',
  'annual_reports',
  'audit_log',
  'letters',
  'letter_templates',
  'finding_reviews',
  'report_sections',
  'users',
  'user_roles',
  'sessions',
  'api_tokens',
  'attachments',
] as const;

/** Fields that make any step's form (or JSON body) valid, so a refusal is the policy's and not the schema's. */
const STEP_FIELDS: Record<string, string> = {
  on: TODAY,
  termEnds: '2025-03-24',
  whatIsMissing: '文号',
  party: 'thirdParty',
  answer: 'consent',
  workingDays: '10',
  reason: '信息量大',
  noticeReceivedOn: TODAY,
  'charge.standard': 'perVolume',
  'charge.pages': '20',
  outcome: 'disclosed',
  legalBasis: '《条例》第三十六条',
  channel: 'post',
  title: '标题',
  body: '正文',
  category: '1',
};
const STEP_JSON = { ...STEP_FIELDS, workingDays: 10, category: 1, charge: { standard: 'perVolume', pages: 20 }, 'charge.standard': undefined, 'charge.pages': undefined };

async function counts(db: Kysely<Database>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/** A route's URL with its parameters filled in; `*` and unknown parameters get a harmless word. */
function fill(url: string, values: Readonly<Record<string, string>>): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? values['*'] ?? 'x').replace(/\*/g, 'x');
}

const isIdParam = (name: string) => name === 'id' || /Id$/.test(name);
const paramsOf = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);

describe.each(testDatabases())('security across every route ($name)', (target) => {
  let handle: TestDatabase;
  let app: FastifyInstance;
  let world: PortalWorld;
  let routes: RouteEntry[] = [];
  const b = {
    applicationId: 0,
    trackingCode: '',
    reviewItemId: 0,
    letterId: 0,
    /** every id of agency B's records, of every kind */
    ids: [] as number[],
  };
  let otherAgencyId = 0;
  let names = { clerk: '', outsider: '' };
  let tokens = { clerk: '', outsider: '', revoked: '' };

  beforeAll(async () => {
    handle = await target.open();
    const db = handle.db;
    world = await seedPortalWorld(db);
    const clock = fixedClock(TODAY);
    const system = { kind: 'system', name: 'test' } as const;
    // agency A: a separate agency owning no records at all, so any record an id reaches is B's (or nobody's)
    otherAgencyId = (await createAgency({ db, actor: system, clock }, { code: 'other-town', name: '另一县人民政府', kind: 'government', level: 'county', regionCode: '329901' })).id;
    const bureau = world.bureau.id;
    names = { clerk: `bclerk${target.name}`, outsider: `aclerk${target.name}` };
    await insertUser(db, [{ agencyId: bureau, role: 'clerk' }], { username: names.clerk });
    await insertUser(db, [{ agencyId: otherAgencyId, role: 'clerk' }], { username: names.outsider });
    const admin = await insertUser(db, [{ agencyId: bureau, role: 'admin' }]);
    const adminA = await insertUser(db, [{ agencyId: otherAgencyId, role: 'admin' }]);
    const tokenCtx = { db, actor: admin.actor, clock };
    const revoked = await createApiToken(tokenCtx, { agencyId: bureau, role: 'reviewer', name: '已吊销' });
    await revokeApiToken(tokenCtx, revoked.id);
    tokens = {
      clerk: (await createApiToken(tokenCtx, { agencyId: bureau, role: 'clerk', name: '经办' })).token,
      outsider: (await createApiToken({ db, actor: adminA.actor, clock }, { agencyId: otherAgencyId, role: 'reviewer', name: '外机关' })).token,
      revoked: revoked.token,
    };

    const reviewer = { kind: 'staff', userId: admin.user.id, name: '审核', roles: [{ agencyId: bureau, role: 'reviewer' }] } as const;
    const ctx = { db, actor: reviewer, clock, calendar };
    const registered = await registerApplication(ctx, {
      agencyId: bureau,
      form: { applicant: { type: 'naturalPerson', name: '张三', idNumber: VALID_ID, phone: '13812345678' }, description: `${SECRET}的申请`, form: 'paper', delivery: 'post' },
      intake: { channel: 'inPerson', handedInOn: TODAY },
    });
    b.applicationId = registered.applicationId;
    b.trackingCode = registered.trackingCode;
    const item = await createCatalogueItem(ctx, { agencyId: bureau, title: `${SECRET}待审条目`, body: '正文', category: 1 });
    await submitCatalogueItem(ctx, { itemId: item.id });
    b.reviewItemId = item.id;
    const now = `${TODAY}T08:00:00.000Z`;
    b.letterId = (
      await db
        .insertInto('letters')
        .values({ agency_id: bureau, application_id: b.applicationId, event_id: null, kind: 'acknowledgement', title: SECRET, body: SECRET, issued_on: TODAY, issued_by: 'test', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const template = await db.insertInto('letter_templates').values({ agency_id: bureau, kind: 'reply', body: SECRET, updated_by: 'test', updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const review = await db
      .insertInto('finding_reviews')
      .values({ agency_id: bureau, report_key: 'k', finding_key: 'f', decision: 'confirmed', note: SECRET, reviewed_by: 'test', reviewed_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const section = await db
      .insertInto('report_sections')
      .values({ agency_id: bureau, year: 2024, section_id: 'overview', text: SECRET, updated_by: 'test', updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attachment = await db
      .insertInto('attachments')
      .values({ agency_id: bureau, owner_kind: 'application', owner_id: b.applicationId, filename: `${SECRET}.pdf`, mime: 'application/pdf', size: 5, sha256: 'a'.repeat(64), storage_key: `sha256:${'a'.repeat(64)}:1`, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    b.ids = [
      ...new Set([b.applicationId, ...Object.values(world.items), b.reviewItemId, b.letterId, template.id, review.id, section.id, attachment.id, bureau, world.city.id]),
    ].filter((id) => id !== otherAgencyId);

    ({ app, routes } = await routesOf(() => buildServer({ db, clock, calendar, rateLimit: { capacity: 100_000, refillPerMinute: 100_000 } })));
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const own = () => ({ id: String(b.applicationId), agencyId: String(world.bureau.id), step: 'reply', year: '2024', format: 'html', file: `${b.letterId}.html`, code: 'demo-czj', trackingCode: b.trackingCode, kind: 'reply' });

  it('collects the routes from the server itself', () => {
    const office = routes.filter((r) => r.url.startsWith('/office'));
    const staff = routes.filter((r) => r.url.startsWith(STAFF_API));
    expect(office.length).toBeGreaterThan(10);
    expect(staff.length).toBeGreaterThan(15);
    expect(routes).toContainEqual({ method: 'POST', url: '/office/applications/:id/:step' });
  });

  it('every /office route but the login page sends a visitor without a session to the login page; a POST changes nothing', async () => {
    const before = await counts(handle.db);
    const checked: string[] = [];
    for (const r of routes.filter((r) => r.url.startsWith('/office') && r.url !== LOGIN)) {
      const url = fill(r.url, own());
      const res = r.method === 'GET' ? await app.inject({ url }) : await form(app, url, { ...STEP_FIELDS, _csrf: 'x' }, null);
      const where = `${r.method} ${r.url}`;
      if (r.method === 'GET') {
        expect(res.statusCode, where).toBe(303);
        expect(String(res.headers.location), where).toMatch(/^\/office\/login(\?|$)/);
      } else {
        expect(res.statusCode === 303 ? String(res.headers.location) : String(res.statusCode), where).toMatch(/^(\/office\/login(\?.*)?|401|403)$/);
      }
      checked.push(where);
    }
    expect(checked.length).toBeGreaterThan(10);
    expect(await counts(handle.db)).toEqual(before);
  });

  it('every /api/v1 route is either the public API or under /api/v1/staff', () => {
    const api = routes.filter((r) => r.url.startsWith('/api/v1/')).map((r) => `${r.method} ${r.url}`);
    for (const route of api) if (!route.includes(STAFF_API)) expect(PUBLIC_API, route).toContain(route);
  });

  it('every staff API route is 401 without a token, with a revoked one, and with an office session cookie; nothing changes', async () => {
    const session = await login(app, names.clerk);
    const before = await counts(handle.db);
    for (const r of routes.filter((r) => r.url.startsWith(STAFF_API))) {
      const url = fill(r.url, own());
      const payload = r.method === 'POST' ? { payload: STEP_JSON } : {};
      for (const headers of [{}, { authorization: `Bearer ${tokens.revoked}` }, { cookie: session.cookie }, { authorization: 'Bearer ' }]) {
        const res = await app.inject({ method: r.method as 'GET' | 'POST', url, headers, ...payload });
        expect(res.statusCode, `${r.method} ${r.url} ${JSON.stringify(headers).slice(0, 30)}`).toBe(401);
        expect(res.json().error.code).toBe('account.token.invalid');
      }
    }
    expect(await counts(handle.db)).toEqual(before);
  });

  it('every office POST is refused (403) with a missing or wrong CSRF token, and nothing changes', async () => {
    const session = await login(app, names.clerk);
    const before = await counts(handle.db);
    const posts = routes.filter((r) => r.method === 'POST' && r.url.startsWith('/office') && r.url !== LOGIN);
    expect(posts.length).toBeGreaterThan(5);
    for (const r of posts) {
      const url = fill(r.url, own());
      for (const csrf of [null, 'wrong', session.csrf.slice(0, -1)]) {
        const fields = csrf === null ? STEP_FIELDS : { ...STEP_FIELDS, _csrf: csrf };
        const res = await form(app, url, fields, session.cookie);
        expect(res.statusCode, `${r.url} csrf=${csrf}`).toBe(403);
      }
    }
    expect(await counts(handle.db)).toEqual(before);
  });

  describe("another agency's records", () => {
    /** Every way of filling a route's parameters with B's ids: id parameters take each of B's ids in turn. */
    function urlsFor(url: string): string[] {
      const params = paramsOf(url);
      let urls = [url];
      for (const p of params) {
        const values = isIdParam(p) ? b.ids.map(String) : p === 'step' ? [...STEP_SLUGS, 'submit', 'publish', 'return', 'validity'] : p === 'file' ? [`${b.letterId}.html`, `${b.letterId}.pdf`, `${b.letterId}.docx`] : [own()[p as keyof ReturnType<typeof own>] ?? 'x'];
        urls = urls.flatMap((u) => values.map((v) => u.replace(`:${p}`, v)));
      }
      return urls;
    }
    const withIds = () => routes.filter((r) => (r.url.startsWith('/office') || r.url.startsWith(STAFF_API)) && paramsOf(r.url).some(isIdParam));

    it("a clerk of agency A is refused B's records on every office route with an id, and nothing changes", async () => {
      const session = await login(app, names.outsider);
      const before = await counts(handle.db);
      let tried = 0;
      for (const r of withIds().filter((r) => r.url.startsWith('/office'))) {
        for (const url of urlsFor(r.url)) {
          const res = r.method === 'GET' ? await app.inject({ url, headers: { cookie: session.cookie } }) : await form(app, url, { ...STEP_FIELDS, _csrf: session.csrf }, session.cookie);
          const where = `${r.method} ${url}`;
          expect(r.method === 'GET' ? [403, 404] : [400, 403, 404, 409], where).toContain(res.statusCode);
          expect(res.body, where).not.toContain(SECRET);
          expect(res.body, where).not.toContain(b.trackingCode);
          tried++;
        }
      }
      expect(tried).toBeGreaterThan(20);
      expect(await counts(handle.db)).toEqual(before);
    });

    it("a token of agency A is refused B's records on every staff API route with an id, and nothing changes", async () => {
      const before = await counts(handle.db);
      for (const r of withIds().filter((r) => r.url.startsWith(STAFF_API))) {
        for (const url of urlsFor(r.url)) {
          const res = await app.inject({ method: r.method as 'GET' | 'POST', url, headers: { authorization: `Bearer ${tokens.outsider}` }, ...(r.method === 'POST' ? { payload: STEP_JSON } : {}) });
          expect([403, 404], `${r.method} ${url}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
          expect(res.body).not.toContain(SECRET);
        }
      }
      expect(await counts(handle.db)).toEqual(before);
    });

    it("the application page, its letters and B's report are refused to A's clerk by name", async () => {
      const session = await login(app, names.outsider);
      for (const url of [`/office/applications/${b.applicationId}`, `/office/applications/${b.applicationId}/letters`]) {
        expect((await app.inject({ url, headers: { cookie: session.cookie } })).statusCode, url).toBe(403);
      }
      const letter = await app.inject({ url: `/office/applications/${b.applicationId}/letters/${b.letterId}.html`, headers: { cookie: session.cookie } });
      expect([403, 404]).toContain(letter.statusCode);
      expect(letter.body).not.toContain(SECRET);
      const report = await app.inject({ url: `/api/v1/staff/agencies/${world.bureau.id}/reports/2024`, headers: { authorization: `Bearer ${tokens.outsider}` } });
      expect(report.statusCode).toBe(403);
    });
  });

  describe("a clerk cannot take a reviewer's step", () => {
    it('extension approval, catalogue publishing and report publishing are refused in the office, and nothing changes', async () => {
      const session = await login(app, names.clerk);
      const before = await counts(handle.db);
      const extension = await form(app, `/office/applications/${b.applicationId}/approve-extension`, { ...STEP_FIELDS, _csrf: session.csrf }, session.cookie);
      expect(extension.statusCode).toBe(403);
      const report = await form(app, `/office/reports/2024/publish?agency=${world.bureau.id}`, { _csrf: session.csrf }, session.cookie);
      expect(report.statusCode).toBe(403);
      const publishRoutes = routes.filter((r) => r.method === 'POST' && r.url.startsWith('/office/catalogue') && r.url.includes(':id'));
      for (const r of publishRoutes) {
        const url = fill(r.url, { id: String(b.reviewItemId), step: 'publish' });
        const res = await form(app, url, { on: TODAY, _csrf: session.csrf }, session.cookie);
        if (url.endsWith('/publish')) expect(res.statusCode, url).toBe(403);
      }
      expect(await counts(handle.db)).toEqual(before);
    });

    it('and through the staff API with a clerk token', async () => {
      const before = await counts(handle.db);
      const auth = { authorization: `Bearer ${tokens.clerk}` };
      for (const [url, payload] of [
        [`/api/v1/staff/applications/${b.applicationId}/approve-extension`, { workingDays: 10, reason: '信息量大', on: TODAY }],
        [`/api/v1/staff/catalogue/${b.reviewItemId}/publish`, { on: TODAY }],
        [`/api/v1/staff/agencies/${world.bureau.id}/reports/2024/publish`, {}],
      ] as const) {
        const res = await app.inject({ method: 'POST', url, headers: auth, payload });
        expect(res.statusCode, url).toBe(403);
        expect(res.json().error.code).toBe('access.denied');
      }
      expect(await counts(handle.db)).toEqual(before);
    });
  });
});
