import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../src/http/api/response-schemas.ts';
import { buildServer } from '../../src/http/server.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { testDatabases } from '../support/databases.ts';
import { TODAY, VALID_ID, countApplications, formSession, personFields, postForm, usePortal } from './portal-fixture.ts';

describe.each(testDatabases())('the rate limit of the public POST routes ($name)', (target) => {
  const portal = usePortal(target, { rateLimit: { capacity: 3, refillPerMinute: 1 } });

  it('lets a few submissions through, then answers 429 with Retry-After and a Chinese message, storing nothing', async () => {
    const session = await formSession(portal.app, '/a/demo-czj/apply');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await postForm(portal.app, '/a/demo-czj/apply', { ...personFields(), _csrf: session.token }, session)).statusCode);
    expect(statuses).toEqual([200, 200, 200]);
    const before = await countApplications(portal.db);
    const page = await postForm(portal.app, '/a/demo-czj/apply', { ...personFields(), _csrf: session.token }, session);
    expect(page.statusCode).toBe(429);
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
    expect(load(page.body)('.error-box').text()).toContain('提交过于频繁');
    const api = await portal.app.inject({
      method: 'POST',
      url: '/api/v1/agencies/demo-czj/applications',
      payload: { applicant: { type: 'naturalPerson', name: '张三', idNumber: VALID_ID, phone: '13812345678' }, description: 'x' },
    });
    expect(api.statusCode).toBe(429);
    expect(errorResponse.parse(api.json()).error.code).toBe('rate.limited');
    const status = await postForm(portal.app, '/status', { trackingCode: 'A', secret: 'B' }, null);
    expect(status.statusCode).toBe(429);
    expect(await countApplications(portal.db)).toBe(before);
  });

  it('never limits reading pages', async () => {
    for (let i = 0; i < 10; i++) expect((await portal.app.inject({ url: '/a/demo-czj' })).statusCode).toBe(200);
  });
});

describe('errors nobody planned for', () => {
  it('are logged with personal data masked and shown as a generic Chinese message, on pages and on the API', async () => {
    const lines: string[] = [];
    const target = testDatabases()[0]!;
    const handle = await target.open();
    const app = await buildServer({ db: handle.db, clock: fixedClock(TODAY), logger: 'error', logStream: { write: (line) => lines.push(line) } });
    app.get('/boom', async () => {
      throw new Error(`database exploded while reading ${VALID_ID} and 13812345678`);
    });
    app.get('/api/v1/boom', async () => {
      throw new Error('kaput');
    });
    try {
      const page = await app.inject({ url: '/boom' });
      expect(page.statusCode).toBe(500);
      expect(page.body).toContain('服务器内部错误');
      expect(page.body).not.toContain('exploded');
      const api = await app.inject({ url: '/api/v1/boom' });
      expect(api.statusCode).toBe(500);
      expect(errorResponse.parse(api.json()).error).toEqual({ code: 'server.error', field: null, message: expect.stringContaining('服务器内部错误') });
      const log = lines.join('');
      expect(log).toContain('database exploded');
      expect(log).not.toContain(VALID_ID);
      expect(log).not.toContain('13812345678');
      expect(log).toContain('110105********002X');
    } finally {
      await app.close();
      await handle.close();
    }
  });
});
