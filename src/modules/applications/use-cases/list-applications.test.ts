/** The applications list filtered by due date (Art. 33): the query filters, so totals and pages are right. */
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import { listApplications } from './list-applications.ts';
import { registerApplication } from './register-application.ts';
import { contextFor, personForm, refusal, seedAgencies, staff } from './test-context.ts';
import { withdraw } from './withdraw.ts';

describe.each(testDatabases())('listing applications due before a day on $name', (target) => {
  const t = useTestDatabase(target);
  const TODAY = '2024-11-29';

  let seeds = 0;
  async function seed() {
    const g = await seedAgencies(t.db, `D${++seeds}`);
    const clerk = staff(11, g.a, 'clerk');
    const register = async (on: string, agencyId = g.a, actor = clerk) =>
      (await registerApplication(contextFor(t.db, actor, on), { agencyId, form: personForm(), intake: { channel: 'inPerson', handedInOn: on } })).applicationId;
    // received → due (Art. 33: 20 working days): 09-02 → 09-30, 09-27 → 10-30, 10-28 → 11-25
    const ids = {
      sep2: await register('2024-09-02'),
      sep27: await register('2024-09-27'),
      sep27b: await register('2024-09-27'),
      oct8: await register('2024-10-08'),
      oct28: await register('2024-10-28'),
      nov4: await register('2024-11-04'),
      withdrawn: await register('2024-09-03'),
      other: await register('2024-09-02', g.b, staff(12, g.b, 'clerk')),
    };
    await withdraw(contextFor(t.db, clerk, '2024-09-10'), { applicationId: ids.withdrawn });
    return { g, ids, ctx: contextFor(t.db, clerk, TODAY) };
  }

  it('keeps only those due before the day (strictly), ordered by due date, with the total of all of them', async () => {
    const { g, ids, ctx } = await seed();
    const all = await listApplications(ctx, { agencyId: g.a });
    const dueOf = new Map(all.items.map((i) => [i.id, i.dueOn]));
    expect([dueOf.get(ids.sep2), dueOf.get(ids.sep27), dueOf.get(ids.oct28)]).toEqual(['2024-09-30', '2024-10-30', '2024-11-25']);
    for (const day of ['2024-09-30', '2024-10-01', '2024-10-31', '2024-11-25', '2024-11-26', '2025-06-01']) {
      const page = await listApplications(ctx, { agencyId: g.a, dueBefore: day });
      const expected = all.items.filter((i) => i.dueOn !== null && i.dueOn < day).map((i) => i.id);
      expect(page.items.map((i) => i.id), day).toEqual(expected);
      expect(page.total, day).toBe(expected.length);
    }
    expect((await listApplications(ctx, { agencyId: g.a, dueBefore: '2024-09-30' })).items).toEqual([]);
    expect((await listApplications(ctx, { agencyId: g.a, dueBefore: '2024-10-01' })).items.map((i) => i.id)).toEqual([ids.sep2]);
  });

  it('pages the matches: every page carries their total; withdrawn ones (no due date) and another agency’s never match', async () => {
    const { g, ids, ctx } = await seed();
    const statuses = ['registered', 'withdrawn'] as const;
    const pages = await Promise.all([1, 2, 3, 4].map((page) => listApplications(ctx, { agencyId: g.a, statuses, dueBefore: '2099-01-01', page, pageSize: 2 })));
    expect(pages.map((p) => p.total)).toEqual([6, 6, 6, 6]);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2, 0]);
    const listed = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(listed).toHaveLength(6);
    expect(new Set(listed)).toEqual(new Set([ids.sep2, ids.sep27, ids.sep27b, ids.oct8, ids.oct28, ids.nov4]));
    expect(listed[0]).toBe(ids.sep2);
    // the filter combines with the others
    const received = await listApplications(ctx, { agencyId: g.a, dueBefore: '2024-11-26', receivedFrom: '2024-09-20', page: 2, pageSize: 2 });
    expect([received.total, received.items.length]).toEqual([4, 2]);
    // without a due date filter the withdrawn one is listed, last
    const unfiltered = await listApplications(ctx, { agencyId: g.a, statuses });
    expect([unfiltered.total, unfiltered.items.at(-1)?.id]).toEqual([7, ids.withdrawn]);
  });

  it('refuses a date that is not one, naming dueBefore, and another agency’s list', async () => {
    const { g, ctx } = await seed();
    for (const bad of ['2024-13-01', '2024-02-30', 'tomorrow', '', 20241201]) {
      const error = await refusal(listApplications(ctx, { agencyId: g.a, dueBefore: bad }));
      expect(error.code).toBe('input.invalid');
      expect(error.details['issues']).toEqual([expect.objectContaining({ path: 'dueBefore' })]);
    }
    expect((await refusal(listApplications(ctx, { agencyId: g.b, dueBefore: '2025-01-01' }))).code).toBe('access.denied');
  });
});
