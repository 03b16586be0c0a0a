/**
 * The portal keeps each agency's counts per Art. 20 category for a while (catalogue-adapter.ts); a change to the
 * public catalogue made in this process shows at once: the new item, the total and the column's count.
 */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { changeValidity } from '../../src/modules/catalogue/use-cases/change-validity.ts';
import { createCatalogueItem } from '../../src/modules/catalogue/use-cases/create-catalogue-item.ts';
import { publishCatalogueItem } from '../../src/modules/catalogue/use-cases/publish-catalogue-item.ts';
import { submitCatalogueItem } from '../../src/modules/catalogue/use-cases/submit-catalogue-item.ts';
import { testDatabases } from '../support/databases.ts';
import { TODAY, usePortal } from './portal-fixture.ts';

describe.each(testDatabases())('portal catalogue counts on $name', (target) => {
  const portal = usePortal(target);

  async function page(url: string) {
    const res = await portal.app.inject({ url });
    expect(res.statusCode).toBe(200);
    return load(res.body);
  }
  const total = ($: ReturnType<typeof load>) => Number(/共 (\d+) 条/.exec($('[role=status]').text())?.[1]);

  it('shows a newly published item, the new total and the column count at once, though the counts were read before', async () => {
    const { bureau } = portal.world;
    const before = await page(`/a/${bureau.code}/catalogue`);
    const column = await page(`/a/${bureau.code}/catalogue?category=7`);
    const ctx = {
      db: portal.db,
      actor: { kind: 'staff', userId: 1, name: '测试编辑', roles: [{ agencyId: bureau.id, role: 'clerk' }, { agencyId: bureau.id, role: 'reviewer' }] } as const,
      clock: fixedClock(TODAY),
      calendar: loadCalendar(),
    };
    const item = await createCatalogueItem(ctx, { agencyId: bureau.id, title: '示范市财政局2025年预算调整方案', body: '调整如下。', category: 7 });
    // a draft and an item under review are not public: the counts stay
    await submitCatalogueItem(ctx, { itemId: item.id });
    expect(total(await page(`/a/${bureau.code}/catalogue`))).toBe(total(before));

    await publishCatalogueItem(ctx, { itemId: item.id, on: TODAY });
    const after = await page(`/a/${bureau.code}/catalogue`);
    expect(total(after)).toBe(total(before) + 1);
    expect(after('main').text()).toContain('示范市财政局2025年预算调整方案');
    expect(total(await page(`/a/${bureau.code}/catalogue?category=7`))).toBe(total(column) + 1);

    // a change of validity is public too, and keeps the count
    await changeValidity(ctx, { itemId: item.id, validity: 'repealed' });
    expect(total(await page(`/a/${bureau.code}/catalogue?category=7`))).toBe(total(column) + 1);
  });
});
