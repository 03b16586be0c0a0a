/**
 * The staff JSON API on SQLite and PostgreSQL: a token acting as one role in one agency runs the whole workflow;
 * every route is in the OpenAPI document; bad input is 400 naming the field with nothing stored; a step the law does
 * not allow is 409 with a stable code; roles and agencies are kept apart.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorResponse } from '../../src/http/api/response-schemas.ts';
import {
  applicationDetailResponse,
  applicationPageResponse,
  catalogueItemResponse,
  cataloguePageResponse,
  reportBuildResponse,
  reportPublishedResponse,
  staffRegisteredResponse,
} from '../../src/http/api/staff-response-schemas.ts';
import type { Database } from '../../src/db/schema.ts';
import { buildServer } from '../../src/http/server.ts';
import { createApiToken } from '../../src/modules/accounts/use-cases/create-api-token.ts';
import { revokeApiToken } from '../../src/modules/accounts/use-cases/revoke-api-token.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { insertUser } from '../factories/user-factory.ts';
import { routesOf } from '../support/route-table.ts';
import { testDatabases, type TestDatabase } from '../support/databases.ts';
import { TODAY, VALID_CREDIT_CODE, VALID_ID, seedPortalWorld, type PortalWorld } from './portal-fixture.ts';

// Every server built in this file reports its routes as they are added (test/support/route-table.ts).
vi.mock('fastify', async (original) => (await import('../support/route-table.ts')).fastifyWithRouteLog(original));

const calendar = loadCalendar();
const BASE = '/api/v1/staff';

interface Tokens {
  readonly clerk: string;
  readonly reviewer: string;
  readonly supervisor: string;
  readonly cityClerk: string;
  readonly revoked: string;
}

const TABLES = ['applications', 'application_events', 'catalogue_items', 'annual_reports', 'audit_log', 'letters'] as const;

async function counts(db: Kysely<Database>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

function registration(overrides: Record<string, unknown> = {}, applicant: Record<string, unknown> = {}) {
  return {
    applicant: { type: 'naturalPerson', name: '张三', idType: '居民身份证', idNumber: VALID_ID, phone: '13812345678', address: '示范市人民路2号', ...applicant },
    description: '2024年部门决算',
    form: 'paper',
    delivery: 'post',
    intake: { channel: 'registeredPost', signedForOn: '2025-02-10' },
    ...overrides,
  };
}

describe.each(testDatabases())('the staff JSON API ($name)', (target) => {
  let handle: TestDatabase;
  let app: FastifyInstance;
  let world: PortalWorld;
  let tokens: Tokens;

  const call = (method: 'GET' | 'POST', url: string, token: string | null, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });

  beforeAll(async () => {
    handle = await target.open();
    world = await seedPortalWorld(handle.db);
    const admin = await insertUser(handle.db, [{ agencyId: world.bureau.id, role: 'admin' }]);
    const cityAdmin = await insertUser(handle.db, [{ agencyId: world.city.id, role: 'admin' }]);
    const ctx = { db: handle.db, actor: admin.actor, clock: fixedClock(TODAY) };
    const issue = async (role: 'clerk' | 'reviewer' | 'supervisor', name: string) =>
      (await createApiToken(ctx, { agencyId: world.bureau.id, role, name })).token;
    const revoked = await createApiToken(ctx, { agencyId: world.bureau.id, role: 'clerk', name: '已吊销' });
    await revokeApiToken(ctx, revoked.id);
    tokens = {
      clerk: await issue('clerk', '省平台'),
      reviewer: await issue('reviewer', '审核系统'),
      supervisor: await issue('supervisor', '监督'),
      cityClerk: (await createApiToken({ ...ctx, actor: cityAdmin.actor }, { agencyId: world.city.id, role: 'clerk', name: '市政府' })).token,
      revoked: revoked.token,
    };
    app = await buildServer({ db: handle.db, clock: fixedClock(TODAY), calendar, rateLimit: { capacity: 10_000, refillPerMinute: 10_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  describe('authentication', () => {
    it('401 without a token, with an unknown one, with a revoked one, and with only a session cookie', async () => {
      const url = `${BASE}/agencies/${world.bureau.id}/applications`;
      for (const res of [
        await call('GET', url, null),
        await call('GET', url, 'gk_not-a-real-token'),
        await call('GET', url, tokens.revoked),
        await app.inject({ url, headers: { cookie: 'gk_session=anything' } }),
        await app.inject({ url, headers: { authorization: `Basic ${tokens.clerk}` } }),
      ]) {
        expect(res.statusCode).toBe(401);
        expect(errorResponse.parse(res.json()).error.code).toBe('account.token.invalid');
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      }
    });

    it('a token opens no office page', async () => {
      const res = await app.inject({ url: '/office', headers: { authorization: `Bearer ${tokens.clerk}` } });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(/^\/office\/login/);
    });
  });

  describe('the OpenAPI document', () => {
    it('describes every /api/v1 route the server registers, the staff ones with the bearer scheme', async () => {
      const { app: fresh, routes } = await routesOf(() => buildServer({ db: handle.db, clock: fixedClock(TODAY), calendar }));
      const doc = (await fresh.inject({ url: '/api/openapi.json' })).json() as {
        paths: Record<string, Record<string, { security?: unknown[] }>>;
        components: { securitySchemes: Record<string, { type: string; scheme: string }> };
      };
      await fresh.close();
      const api = routes.filter((r) => r.url.startsWith('/api/v1/'));
      expect(api.length).toBeGreaterThan(20);
      for (const r of api) {
        const path = r.url.replace(/:(\w+)/g, '{$1}');
        const op = doc.paths[path]?.[r.method.toLowerCase()];
        expect(op, `${r.method} ${r.url}`).toBeDefined();
        if (r.url.startsWith(`${BASE}/`)) expect(op!.security, r.url).toEqual([{ apiToken: [] }]);
      }
      expect(doc.components.securitySchemes['apiToken']).toMatchObject({ type: 'http', scheme: 'bearer' });
    });
  });

  describe('the workflow with a token', () => {
    let id = 0;
    const step = (slug: string, body: Record<string, unknown>, token = tokens.clerk) => call('POST', `${BASE}/applications/${id}/${slug}`, token, body);

    it('registers a letter received by registered post: Art. 31, received the day it was signed for', async () => {
      const res = await call('POST', `${BASE}/agencies/${world.bureau.id}/applications`, tokens.clerk, registration());
      expect(res.statusCode, res.body).toBe(201);
      const body = staffRegisteredResponse.parse(res.json());
      expect(body.receivedOn).toBe('2025-02-10');
      id = body.applicationId;
    });

    it('lists it with the ID number and phone masked; the single view shows them in full, as the office page does', async () => {
      const list = await call('GET', `${BASE}/agencies/${world.bureau.id}/applications`, tokens.clerk);
      expect(list.statusCode).toBe(200);
      const page = applicationPageResponse.parse(list.json());
      const item = page.items.find((i) => i.id === id)!;
      expect(item.applicant.idNumber).toBe('110105********002X');
      expect(item.applicant.phone).toBe('138****5678');
      expect(list.body).not.toContain(VALID_ID);
      expect(list.body).not.toContain('13812345678');
      const one = applicationDetailResponse.parse((await call('GET', `${BASE}/applications/${id}`, tokens.clerk)).json());
      expect(one.applicant).toMatchObject({ idNumber: VALID_ID, phone: '13812345678' });
    });

    it('filters by status, due date and page', async () => {
      const second = await call('POST', `${BASE}/agencies/${world.bureau.id}/applications`, tokens.clerk, registration({ intake: { channel: 'inPerson', handedInOn: TODAY } }));
      expect(second.statusCode).toBe(201);
      const dueFirst = staffRegisteredResponse.parse(second.json());
      const url = `${BASE}/agencies/${world.bureau.id}/applications`;
      const early = applicationPageResponse.parse((await call('GET', `${url}?dueBefore=2025-03-20`, tokens.clerk)).json());
      expect(early.items.map((i) => i.id)).toEqual([id]);
      const all = applicationPageResponse.parse((await call('GET', `${url}?dueBefore=2025-12-31&pageSize=1&page=2`, tokens.clerk)).json());
      expect(all).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(all.items.map((i) => i.id)).toEqual([dueFirst.applicationId]);
      const closed = applicationPageResponse.parse((await call('GET', `${url}?status=replied,archived`, tokens.clerk)).json());
      expect(closed.total).toBe(0);
      const withdrawn = await call('POST', `${BASE}/applications/${dueFirst.applicationId}/withdraw`, tokens.clerk, {});
      expect(applicationDetailResponse.parse(withdrawn.json()).status).toBe('withdrawn');
    });

    it('takes every step: supplement, consultation, extension (reviewer), fee, reply, delivery, archive', async () => {
      const ok = async (res: Awaited<ReturnType<typeof step>>) => {
        expect(res.statusCode, res.body).toBe(200);
        return applicationDetailResponse.parse(res.json());
      };
      expect((await ok(await step('request-supplement', { on: '2025-02-11', termEnds: '2025-02-25', whatIsMissing: '文件名称' }))).status).toBe('awaitingSupplement');
      expect((await ok(await step('record-supplement', { on: '2025-02-14' }))).status).toBe('registered');
      expect((await ok(await step('start-consultation', { on: '2025-02-17', party: 'thirdParty', partyName: '某公司' }))).status).toBe('inConsultation');
      expect((await ok(await step('record-consultation-answer', { on: '2025-02-20', answer: 'consent' }))).status).toBe('registered');

      const byClerk = await step('approve-extension', { on: '2025-02-21', workingDays: 10, reason: '信息量大' });
      expect(byClerk.statusCode).toBe(403);
      expect(errorResponse.parse(byClerk.json()).error.code).toBe('access.denied');
      const extended = await ok(await step('approve-extension', { on: '2025-02-21', workingDays: 10, reason: '信息量大' }, tokens.reviewer));
      expect(extended.extension).toMatchObject({ workingDays: 10, approverRole: 'reviewer' });

      await ok(await step('issue-fee-notice', { on: '2025-02-24', noticeReceivedOn: '2025-02-24', charge: { standard: 'perVolume', pages: 50 } }));
      await ok(await step('record-fee-payment', { on: '2025-02-26' }));
      const replied = await ok(await step('reply', { on: '2025-03-03', outcome: 'disclosed', legalBasis: '《条例》第三十六条第（二）项' }));
      expect(replied).toMatchObject({ status: 'replied', outcome: 'disclosed' });
      await ok(await step('record-delivery', { on: '2025-03-04', channel: 'post' }));
      const archived = await ok(await step('archive', { on: '2025-03-05' }));
      const steps = 'received supplementRequested supplemented consultationStarted consultationAnswered extensionApproved feeNoticeIssued feePaid replied delivered archived';
      expect(archived.history.map((h) => h.type)).toEqual(steps.split(' '));
      expect(archived.history.slice(1).every((h) => h.actor.startsWith('token:'))).toBe(true);
      // each step issued the letters it calls for (告知书), e.g. the supplement notice and the reply
      const letters = await handle.db.selectFrom('letters').select('kind').where('application_id', '=', id).execute();
      expect(letters.length).toBeGreaterThanOrEqual(2);
    });

    it('a step the law does not allow now is 409 with a stable code, and nothing is stored', async () => {
      const before = await counts(handle.db);
      const res = await step('record-supplement', { on: '2025-03-06' });
      expect(res.statusCode).toBe(409);
      expect(errorResponse.parse(res.json()).error.code).toBe('application.archived');
      const fresh = staffRegisteredResponse.parse((await call('POST', `${BASE}/agencies/${world.bureau.id}/applications`, tokens.clerk, registration())).json());
      const after = await counts(handle.db);
      const notAllowed = await call('POST', `${BASE}/applications/${fresh.applicationId}/record-fee-payment`, tokens.clerk, {});
      expect(notAllowed.statusCode).toBe(409);
      expect(errorResponse.parse(notAllowed.json()).error.code).toBe('application.event.notAllowed');
      expect(await counts(handle.db)).toEqual(after);
      expect(after['applications']).toBe(before['applications']! + 1);
    });
  });

  describe('bad input: 400 naming the field, nothing stored', () => {
    const cases: Array<[string, string, Record<string, unknown> | undefined, string]> = [
      ['register: ID number check digit', 'register', registration({}, { idNumber: '110105194912310021' }), 'applicant.idNumber'],
      ['register: ID number wrong though the name is missing', 'register', registration({}, { name: undefined, idNumber: '110105194912310021' }), 'applicant.idNumber'],
      ['register: credit code', 'register', registration({}, { type: 'organisation', orgType: 'research', creditCode: '91350100M000100Y44', contactName: '王五' }), 'applicant.creditCode'],
      ['register: no intake', 'register', registration({ intake: undefined }), 'intake'],
      ['register: intake date malformed', 'register', registration({ intake: { channel: 'registeredPost', signedForOn: '10/02/2025' } }), 'intake.signedForOn'],
      ['register: phone', 'register', registration({}, { phone: '12345' }), 'applicant.phone'],
      ['list: page', 'list', undefined, 'page'],
      ['list: status', 'listStatus', undefined, 'status.0'],
      ['reply: outcome', 'reply', { outcome: 'maybe', legalBasis: '第三十六条' }, 'outcome'],
      ['reply: no legal basis', 'reply', { outcome: 'disclosed' }, 'legalBasis'],
      ['supplement: term', 'request-supplement', { whatIsMissing: '文号' }, 'termEnds'],
      ['consultation: party', 'start-consultation', { party: 'neighbour' }, 'party'],
      ['answer: kind', 'record-consultation-answer', { answer: 'maybe' }, 'answer'],
      ['extension: days', 'approve-extension', { workingDays: 'ten', reason: '多' }, 'workingDays'],
      ['fee: charge', 'issue-fee-notice', { noticeReceivedOn: TODAY, charge: { standard: 'gold' } }, 'charge.standard'],
      ['delivery: channel', 'record-delivery', { channel: 'pigeon' }, 'channel'],
      ['withdraw: date', 'withdraw', { on: 'yesterday' }, 'on'],
      ['catalogue: category', 'catalogue', { title: '标题', body: '正文', category: 99 }, 'category'],
      ['catalogue: title', 'catalogue', { body: '正文', category: 1 }, 'title'],
      ['catalogue publish: date', 'publish', { on: '2025/03/01' }, 'on'],
      ['report: format', 'report', undefined, 'format'],
      ['report publish: sections', 'reportPublish', { sections: { overview: 5 } }, 'sections.overview'],
    ];
    let appId = 0;
    let itemId = 0;

    beforeAll(async () => {
      appId = staffRegisteredResponse.parse((await call('POST', `${BASE}/agencies/${world.bureau.id}/applications`, tokens.reviewer, registration())).json()).applicationId;
      itemId = world.items.draft;
    });

    it.each(cases)('%s', async (_name, route, body, field) => {
      const a = world.bureau.id;
      const before = await counts(handle.db);
      const res = await (async () => {
        switch (route) {
          case 'register':
            return call('POST', `${BASE}/agencies/${a}/applications`, tokens.reviewer, body);
          case 'list':
            return call('GET', `${BASE}/agencies/${a}/applications?page=0`, tokens.clerk);
          case 'listStatus':
            return call('GET', `${BASE}/agencies/${a}/applications?status=lost`, tokens.clerk);
          case 'catalogue':
            return call('POST', `${BASE}/agencies/${a}/catalogue`, tokens.reviewer, body);
          case 'publish':
            return call('POST', `${BASE}/catalogue/${itemId}/publish`, tokens.reviewer, body);
          case 'report':
            return call('GET', `${BASE}/agencies/${a}/reports/2024?format=1999`, tokens.reviewer);
          case 'reportPublish':
            return call('POST', `${BASE}/agencies/${a}/reports/2024/publish`, tokens.reviewer, body);
          default:
            return call('POST', `${BASE}/applications/${appId}/${route}`, tokens.reviewer, body);
        }
      })();
      expect(res.statusCode, res.body).toBe(400);
      const error = errorResponse.parse(res.json()).error;
      expect(error.code).toBe('input.invalid');
      expect([error.field, ...(error.issues ?? []).map((i) => i.field)]).toContain(field);
      expect(await counts(handle.db)).toEqual(before);
    });

    it('a body that is not a JSON object is 400 and stores nothing', async () => {
      const before = await counts(handle.db);
      const url = `${BASE}/agencies/${world.bureau.id}/applications`;
      const form = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${tokens.clerk}`, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'description=x' });
      expect(form.statusCode).toBe(400);
      const broken = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${tokens.clerk}`, 'content-type': 'application/json' }, payload: '{"applicant":' });
      expect(broken.statusCode).toBe(400);
      const list = await call('POST', url, tokens.clerk, [registration()]);
      expect(list.statusCode).toBe(400);
      expect(await counts(handle.db)).toEqual(before);
    });
  });

  describe('catalogue and annual report', () => {
    it('creates a draft, submits it; only a reviewer publishes it', async () => {
      const created = await call('POST', `${BASE}/agencies/${world.bureau.id}/catalogue`, tokens.clerk, { title: '2025年预算执行情况', body: '正文', category: 7, writtenOn: '2025-03-03' });
      expect(created.statusCode, created.body).toBe(201);
      const item = catalogueItemResponse.parse(created.json());
      expect(item).toMatchObject({ state: 'draft' });
      expect(item.indexNumber).toMatch(/^demo-czj\/2025-\d{5}$/);
      expect(catalogueItemResponse.parse((await call('POST', `${BASE}/catalogue/${item.id}/submit`, tokens.clerk)).json()).state).toBe('review');
      const byClerk = await call('POST', `${BASE}/catalogue/${item.id}/publish`, tokens.clerk, {});
      expect(byClerk.statusCode).toBe(403);
      const published = await call('POST', `${BASE}/catalogue/${item.id}/publish`, tokens.reviewer, { on: TODAY });
      expect(catalogueItemResponse.parse(published.json())).toMatchObject({ state: 'published', publishedOn: TODAY, timeliness: { late: false } });
      const again = await call('POST', `${BASE}/catalogue/${item.id}/submit`, tokens.clerk);
      expect(again.statusCode).toBe(409);
      expect(errorResponse.parse(again.json()).error.code).toBe('catalogue.event.notAllowed');
      const listed = (await call('GET', `${BASE}/agencies/${world.bureau.id}/catalogue?state=draft`, tokens.supervisor)).json() as { items: object[] };
      const drafts = cataloguePageResponse.parse(listed);
      expect(drafts.items.map((i) => i.id)).toContain(world.items.draft);
      expect(drafts.items.every((i) => i.state === 'draft')).toBe(true);
      // a list leaves out each item's text (a body may be a whole regulation); the item itself has it
      expect(listed.items.some((i) => 'body' in i)).toBe(false);
    });

    it('builds the report of a year as JSON with its checks; a clerk may not publish it, a reviewer does', async () => {
      const built = await call('GET', `${BASE}/agencies/${world.bureau.id}/reports/2024`, tokens.clerk);
      expect(built.statusCode, built.body).toBe(200);
      const report = reportBuildResponse.parse(built.json());
      expect(report).toMatchObject({ agencyId: world.bureau.id, year: 2024, format: '2021' });
      expect(report.report['schema']).toBe('gongkai.report/1');
      expect(report.publishable).toBe(report.counts.error === 0);
      const old = reportBuildResponse.parse((await call('GET', `${BASE}/agencies/${world.bureau.id}/reports/2024?format=2019`, tokens.clerk)).json());
      expect(old.format).toBe('2019');
      expect((await call('POST', `${BASE}/agencies/${world.bureau.id}/reports/2024/publish`, tokens.clerk, {})).statusCode).toBe(403);
      const published = await call('POST', `${BASE}/agencies/${world.bureau.id}/reports/2024/publish`, tokens.reviewer, { sections: { overview: '概述' } });
      if (report.publishable) {
        expect(published.statusCode, published.body).toBe(201);
        expect(reportPublishedResponse.parse(published.json())).toMatchObject({ year: 2024, version: 2 });
      } else {
        expect(published.statusCode).toBe(409);
        expect(errorResponse.parse(published.json()).error.code).toBe('report.hasErrors');
      }
      expect((await call('GET', `${BASE}/agencies/${world.bureau.id}/reports/2031`, tokens.clerk)).statusCode).toBe(404);
    });
  });

  describe('agencies and roles kept apart', () => {
    it("refuses another agency's token on the bureau's list, application, catalogue and report", async () => {
      const mine = applicationPageResponse.parse((await call('GET', `${BASE}/agencies/${world.bureau.id}/applications?status=archived`, tokens.clerk)).json()).items[0]!;
      for (const [method, url] of [
        ['GET', `${BASE}/agencies/${world.bureau.id}/applications`],
        ['GET', `${BASE}/applications/${mine.id}`],
        ['GET', `${BASE}/catalogue/${world.items.draft}`],
        ['GET', `${BASE}/agencies/${world.bureau.id}/catalogue`],
        ['GET', `${BASE}/agencies/${world.bureau.id}/reports/2024`],
      ] as const) {
        const res = await call(method, url, tokens.cityClerk);
        expect([403, 404], url).toContain(res.statusCode);
        expect(res.body).not.toContain(mine.trackingCode);
      }
    });

    it('a supervisor token reads but registers nothing', async () => {
      const before = await counts(handle.db);
      const res = await call('POST', `${BASE}/agencies/${world.bureau.id}/applications`, tokens.supervisor, registration());
      expect(res.statusCode).toBe(403);
      expect(await counts(handle.db)).toEqual(before);
      const registered = await call('POST', `${BASE}/agencies/${world.bureau.id}/applications`, tokens.clerk, registration({}, { type: 'organisation', orgType: 'legalService', name: '示范律师事务所', creditCode: VALID_CREDIT_CODE, contactName: '李四' }));
      expect(registered.statusCode).toBe(201);
    });
  });
});
