/**
 * The staff API's `dueBefore` (Art. 33): the list use case filters, so `total` counts every match and any page is
 * right; a date that is not one is 400 naming `dueBefore`.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse } from '../../src/http/api/response-schemas.ts';
import { applicationPageResponse } from '../../src/http/api/staff-response-schemas.ts';
import { buildServer } from '../../src/http/server.ts';
import { createApiToken } from '../../src/modules/accounts/use-cases/create-api-token.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { registerApplication } from '../../src/modules/applications/use-cases/register-application.ts';
import { personForm, staff } from '../../src/modules/applications/use-cases/test-context.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { insertUser } from '../factories/user-factory.ts';
import { testDatabases, type TestDatabase } from '../support/databases.ts';
import { TODAY, seedPortalWorld, type PortalWorld } from './portal-fixture.ts';

const calendar = loadCalendar();
/** received on these days (the clock's day is 2025-03-10), so due 20 working days later, each a different day */
const RECEIVED = ['2025-01-06', '2025-01-13', '2025-01-20', '2025-02-05', '2025-02-12', '2025-02-19', '2025-03-03', '2025-03-10'];

describe.each(testDatabases())('the staff API list due before a day ($name)', (target) => {
  let handle: TestDatabase;
  let app: FastifyInstance;
  let world: PortalWorld;
  let token: string;
  let cityToken: string;
  let ids: number[];

  const get = (url: string, bearer = token) => app.inject({ url, headers: { authorization: `Bearer ${bearer}` } });
  const list = async (query: string) => {
    const res = await get(`/api/v1/staff/agencies/${world.bureau.id}/applications?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return applicationPageResponse.parse(res.json());
  };

  beforeAll(async () => {
    handle = await target.open();
    world = await seedPortalWorld(handle.db);
    const admin = await insertUser(handle.db, [{ agencyId: world.bureau.id, role: 'admin' }]);
    const cityAdmin = await insertUser(handle.db, [{ agencyId: world.city.id, role: 'admin' }]);
    const ctx = { db: handle.db, actor: admin.actor, clock: fixedClock(TODAY) };
    token = (await createApiToken(ctx, { agencyId: world.bureau.id, role: 'clerk', name: '省平台' })).token;
    cityToken = (await createApiToken({ ...ctx, actor: cityAdmin.actor }, { agencyId: world.city.id, role: 'clerk', name: '市政府' })).token;
    ids = [];
    for (const [agencyId, on] of [...RECEIVED.map((on) => [world.bureau.id, on] as const), [world.city.id, '2025-01-06'] as const]) {
      const clerk = { db: handle.db, actor: staff(900 + agencyId, agencyId, 'clerk'), clock: fixedClock(on), calendar };
      const { applicationId } = await registerApplication(clerk, { agencyId, form: personForm(), intake: { channel: 'inPerson', handedInOn: on } });
      if (agencyId === world.bureau.id) ids.push(applicationId);
    }
    app = await buildServer({ db: handle.db, clock: fixedClock(TODAY), calendar, rateLimit: { capacity: 10_000, refillPerMinute: 10_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('lists exactly those due before the day, with their total, on every page', async () => {
    const all = await list('pageSize=200');
    expect(all.total).toBe(RECEIVED.length);
    const dues = all.items.map((i) => i.dueOn!);
    expect(new Set(dues).size).toBe(RECEIVED.length);
    // a day between the fifth and the sixth due date: five match
    const day = dues[5]!;
    const five = all.items.filter((i) => i.dueOn! < day).map((i) => i.id);
    expect(five).toHaveLength(5);
    const first = await list(`dueBefore=${day}&pageSize=2`);
    expect([first.total, first.page, first.items.map((i) => i.id)]).toEqual([5, 1, five.slice(0, 2)]);
    const third = await list(`dueBefore=${day}&pageSize=2&page=3`);
    expect([third.total, third.page, third.items.map((i) => i.id)]).toEqual([5, 3, five.slice(4)]);
    const beyond = await list(`dueBefore=${day}&pageSize=2&page=4`);
    expect([beyond.total, beyond.items]).toEqual([5, []]);
    expect((await list(`dueBefore=${dues[0]!}`)).total).toBe(0);
    expect((await list('dueBefore=2099-12-31')).items.map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    expect(new Set(all.items.map((i) => i.id))).toEqual(new Set(ids));
  });

  it('combines with the status filter', async () => {
    expect((await list('dueBefore=2099-12-31&status=replied')).total).toBe(0);
    expect((await list('dueBefore=2099-12-31&status=registered,replied')).total).toBe(RECEIVED.length);
  });

  it('a date that is not one is 400 naming dueBefore; another agency’s token is 403', async () => {
    for (const bad of ['2025-02-30', '2025-13-01', 'tomorrow', '20250301', '']) {
      const res = await get(`/api/v1/staff/agencies/${world.bureau.id}/applications?dueBefore=${encodeURIComponent(bad)}`);
      expect(res.statusCode, bad).toBe(400);
      const { error } = errorResponse.parse(res.json());
      expect(error.code).toBe('input.invalid');
      expect(error.field, bad).toBe('dueBefore');
    }
    const foreign = await get(`/api/v1/staff/agencies/${world.bureau.id}/applications?dueBefore=2099-12-31`, cityToken);
    expect(foreign.statusCode).toBe(403);
  });
});
