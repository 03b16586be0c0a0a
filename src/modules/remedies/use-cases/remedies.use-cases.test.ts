/** Reconsideration and litigation records through their use cases, on SQLite and PostgreSQL, as table 四 counts them. */
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import { loadAgencyYear } from '../../annual-report/annual-report.repository.ts';
import { registerApplication } from '../../applications/use-cases/register-application.ts';
import { contextFor, personForm, refusal, seedAgencies, staff, type TestAgencies } from '../../applications/use-cases/test-context.ts';
import { listRemedyCases } from './list-remedy-cases.ts';
import { recordRemedyCase } from './record-remedy-case.ts';
import { updateRemedyResult } from './update-remedy-result.ts';

describe.each(testDatabases())('remedies on $name', (target) => {
  const t = useTestDatabase(target);
  let g: TestAgencies;
  const TODAY = '2025-03-10';
  const clerk = () => staff(1, g.a, 'clerk');
  const ctx = () => contextFor(t.db, clerk(), TODAY);

  async function application(agencyId?: number): Promise<number> {
    g ??= await seedAgencies(t.db);
    const agency = agencyId ?? g.a;
    const r = await registerApplication(contextFor(t.db, staff(1, agency, 'clerk'), '2024-09-27'), {
      agencyId: agency,
      form: personForm(),
      intake: { channel: 'inPerson', handedInOn: '2024-09-27' },
    });
    return r.applicationId;
  }

  it('records cases linked to an application, closes them, and table 四 counts each under its result at year end', async () => {
    const applicationId = await application();
    const reconsideration = await recordRemedyCase(ctx(), { agencyId: g.a, applicationId, kind: 'reconsideration', filedOn: '2024-11-20', reference: '某复字〔2024〕1号' });
    expect(reconsideration).toMatchObject({ result: 'pending', resultLabel: '尚未审结', closedOn: null, applicationId });
    await recordRemedyCase(ctx(), { agencyId: g.a, applicationId, kind: 'litigationDirect', filedOn: '2024-12-01', result: 'corrected', closedOn: '2024-12-20' });
    await recordRemedyCase(ctx(), { agencyId: g.a, kind: 'litigationAfterReconsideration', filedOn: '2025-01-06' });
    // decided in 2025: still 尚未审结 in the 2024 report
    const closed = await updateRemedyResult(ctx(), { remedyId: reconsideration.id, result: 'upheld', closedOn: '2025-01-15' });
    expect(closed).toMatchObject({ result: 'upheld', closedOn: '2025-01-15' });

    const data = await loadAgencyYear(t.db, g.a, 2024, '2021');
    expect(data.remedies).toEqual(
      expect.arrayContaining([
        { group: 'reconsideration', result: 'pending', count: 1 },
        { group: 'litigationDirect', result: 'corrected', count: 1 },
      ]),
    );
    expect(data.remedies).toHaveLength(2);
    expect((await listRemedyCases(ctx(), { agencyId: g.a, year: 2024 })).map((r) => r.kind)).toEqual(['reconsideration', 'litigationDirect']);
    expect((await listRemedyCases(ctx(), { agencyId: g.a, applicationId })).length).toBe(2);
  });

  it('refuses inconsistent results and dates, and another agency’s application, storing nothing', async () => {
    const applicationId = await application();
    const count = async () => (await t.db.selectFrom('remedy_cases').select('id').execute()).length;
    const before = await count();
    const base = { agencyId: g.a, applicationId, kind: 'reconsideration' };
    const codes = [
      (await refusal(recordRemedyCase(ctx(), { ...base, filedOn: '2025-03-11' }))).code,
      (await refusal(recordRemedyCase(ctx(), { ...base, filedOn: '2024-12-01', result: 'upheld' }))).code,
      (await refusal(recordRemedyCase(ctx(), { ...base, filedOn: '2024-12-01', closedOn: '2024-12-05' }))).code,
      (await refusal(recordRemedyCase(ctx(), { ...base, filedOn: '2024-12-01', result: 'upheld', closedOn: '2024-11-30' }))).code,
      (await refusal(recordRemedyCase(ctx(), { ...base, filedOn: '2024-09-01' }))).code,
      (await refusal(recordRemedyCase(ctx(), { ...base, kind: 'appeal', filedOn: '2024-12-01' }))).code,
      (await refusal(recordRemedyCase(ctx(), { ...base, applicationId: await application(g.b), filedOn: '2024-12-01' }))).code,
    ];
    expect(codes).toEqual([
      'input.dateInFuture',
      'remedy.resultInvalid',
      'remedy.resultInvalid',
      'remedy.resultInvalid',
      'input.invalidDate',
      'input.invalid',
      'remedy.applicationNotFound',
    ]);
    expect(await count()).toBe(before);
    expect((await refusal(updateRemedyResult(ctx(), { remedyId: 999999, result: 'upheld', closedOn: '2025-01-01' }))).code).toBe('remedy.notFound');
  });

  it('staff of another agency can neither record, update nor list agency A’s cases', async () => {
    g ??= await seedAgencies(t.db);
    const own = await recordRemedyCase(ctx(), { agencyId: g.a, kind: 'reconsideration', filedOn: '2024-12-01' });
    const other = contextFor(t.db, staff(30, g.b, 'reviewer'), TODAY);
    const codes = [
      (await refusal(recordRemedyCase(other, { agencyId: g.a, kind: 'reconsideration', filedOn: '2024-12-01' }))).code,
      (await refusal(updateRemedyResult(other, { remedyId: own.id, result: 'upheld', closedOn: '2025-01-01' }))).code,
      (await refusal(listRemedyCases(other, { agencyId: g.a }))).code,
    ];
    expect(codes).toEqual(['access.denied', 'access.denied', 'access.denied']);
    const stored = await t.db.selectFrom('remedy_cases').selectAll().where('id', '=', own.id).executeTakeFirstOrThrow();
    expect([stored.result, stored.closed_on]).toEqual(['pending', null]);
  });
});
