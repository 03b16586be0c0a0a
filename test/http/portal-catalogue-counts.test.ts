/**
 * The portal keeps rendered pages and each agency's counts per Art. 20 category (page-cache.ts,
 * catalogue-adapter.ts) under the agency's public catalogue version, which every public change raises in its own
 * transaction: a change shows at once, in this server and in a second server sharing the database (as a second
 * process would), on the catalogue, a column, the agency's home page and search.
 */
import { load } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { createAgency } from '../../src/modules/agencies/use-cases/create-agency.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { changeValidity } from '../../src/modules/catalogue/use-cases/change-validity.ts';
import { createCatalogueItem } from '../../src/modules/catalogue/use-cases/create-catalogue-item.ts';
import { publishCatalogueItem } from '../../src/modules/catalogue/use-cases/publish-catalogue-item.ts';
import { submitCatalogueItem } from '../../src/modules/catalogue/use-cases/submit-catalogue-item.ts';
import { testDatabases } from '../support/databases.ts';
import { TODAY, usePortal } from './portal-fixture.ts';

const TITLE = '示范市财政局2025年预算调整方案';

describe.each(testDatabases())('portal catalogue counts and kept pages on $name', (target) => {
  const portal = usePortal(target);
  let second: FastifyInstance;
  beforeAll(async () => {
    second = await buildServer({ db: portal.db, clock: fixedClock(TODAY), calendar: loadCalendar() });
  });
  afterAll(async () => second?.close());

  async function page(app: FastifyInstance, url: string) {
    const res = await app.inject({ url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return load(res.body);
  }
  const total = ($: ReturnType<typeof load>) => Number(/共 (\d+) 条/.exec($('[role=status]').text())?.[1]);
  const rowOf = ($: ReturnType<typeof load>, title: string) => $('main tr').filter((_, tr) => $(tr).text().includes(title)).text();

  it('shows a newly published item, the new total, the column count and its validity at once, in both servers', async () => {
    const { bureau } = portal.world;
    const servers = [portal.app, second];
    const urls = [`/a/${bureau.code}/catalogue`, `/a/${bureau.code}/catalogue?category=7`, `/a/${bureau.code}`, `/a/${bureau.code}/search?q=${encodeURIComponent('调整方案')}`];
    // every page read (and kept) by both servers before the change
    const before = new Map<string, ReturnType<typeof load>>();
    for (const app of servers) for (const url of urls) before.set(url, await page(app, url));
    expect(before.get(urls[3]!)!('main').text()).not.toContain(TITLE);

    const ctx = {
      db: portal.db,
      actor: { kind: 'staff', userId: 1, name: '测试编辑', roles: [{ agencyId: bureau.id, role: 'clerk' }, { agencyId: bureau.id, role: 'reviewer' }] } as const,
      clock: fixedClock(TODAY),
      calendar: loadCalendar(),
    };
    const item = await createCatalogueItem(ctx, { agencyId: bureau.id, title: TITLE, body: '调整如下。', category: 7 });
    // a draft and an item under review are not public: the pages stay as they were
    await submitCatalogueItem(ctx, { itemId: item.id });
    for (const app of servers) expect(total(await page(app, urls[0]!))).toBe(total(before.get(urls[0]!)!));

    await publishCatalogueItem(ctx, { itemId: item.id, on: TODAY });
    for (const app of servers) {
      const after = await page(app, urls[0]!);
      expect(total(after)).toBe(total(before.get(urls[0]!)!) + 1);
      expect(rowOf(after, TITLE)).not.toContain('废止');
      expect(total(await page(app, urls[1]!))).toBe(total(before.get(urls[1]!)!) + 1);
      expect((await page(app, urls[2]!))('main').text()).toContain(TITLE);
      expect((await page(app, urls[3]!))('main').text()).toContain(TITLE);
    }

    // a change of validity is public too: shown at once, the count unchanged
    await changeValidity(ctx, { itemId: item.id, validity: 'repealed' });
    for (const app of servers) {
      const column = await page(app, urls[1]!);
      expect(total(column)).toBe(total(before.get(urls[1]!)!) + 1);
      expect(rowOf(column, TITLE)).toContain('废止');
    }
  });

  it('says whether a page came from the kept pages, and renders it afresh after a public change', async () => {
    const { bureau } = portal.world;
    const url = `/a/${bureau.code}/catalogue?category=9`;
    await portal.app.inject({ url });
    expect((await portal.app.inject({ url })).headers['x-page-cache']).toBe('hit');
    const ctx = {
      db: portal.db,
      actor: { kind: 'staff', userId: 1, name: '测试编辑', roles: [{ agencyId: bureau.id, role: 'clerk' }] } as const,
      clock: fixedClock(TODAY),
      calendar: loadCalendar(),
    };
    await changeValidity(ctx, { itemId: portal.world.items.procurement, validity: 'repealed' });
    const after = await portal.app.inject({ url });
    expect(after.headers['x-page-cache']).toBe('miss');
    expect(after.body).toContain('废止');
  });

  it('shows an agency created after its code was asked for at once (an unknown code is not kept)', async () => {
    const code = `new-${target.name}`;
    expect((await portal.app.inject({ url: `/a/${code}` })).statusCode).toBe(404);
    await createAgency(
      { db: portal.db, actor: { kind: 'system', name: 'test' }, clock: fixedClock(TODAY) },
      { code, name: '新设的示范局', kind: 'department', level: 'municipal', regionCode: '329900', parentId: portal.world.city.id },
    );
    const page = await portal.app.inject({ url: `/a/${code}` });
    expect([page.statusCode, page.body.includes('新设的示范局')]).toEqual([200, true]);
  });

  it('keeps pages per display choice: the larger-text page is not served to a normal reader', async () => {
    const { bureau } = portal.world;
    const large = await portal.app.inject({ url: `/a/${bureau.code}/catalogue?text=large` });
    const normal = await portal.app.inject({ url: `/a/${bureau.code}/catalogue` });
    expect(large.body).not.toBe(normal.body);
    expect(load(large.body)('html').attr('class') ?? '').not.toBe(load(normal.body)('html').attr('class') ?? '');
  });
});
