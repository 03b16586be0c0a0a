import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { createAgency } from '../../agencies/use-cases/create-agency.ts';
import { emptyReport } from '../domain/report.ts';
import { renderReportJson } from '../render/json.ts';
import { fixedClock } from '../../applications/use-cases/context.ts';
import { registerApplication } from '../../applications/use-cases/register-application.ts';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import type { StaffActor } from '../../accounts/policy.ts';
import { listPublishedReports } from './list-published-reports.ts';
import { getPublishedReport } from './get-published-report.ts';
import { publishAnnualReport } from './publish-annual-report.ts';
import { saveReportSections } from './report-sections.ts';
import { checkReport } from '../domain/checks/index.ts';

const TODAY = '2025-03-10';
const VALID_ID = '11010519491231002X';

/** A city government with its finance bureau below it; the bureau published its 2024 report (version 1). */
async function seedWorld(db: Kysely<Database>) {
  const system = { kind: 'system', name: 'test' } as const;
  const clock = fixedClock(TODAY);
  const city = await createAgency({ db, actor: system, clock }, { code: 'demo-city', name: '示范市人民政府', kind: 'government', level: 'municipal', regionCode: '329900' });
  const bureau = await createAgency({ db, actor: system, clock }, { code: 'demo-czj', name: '示范市财政局', kind: 'department', level: 'municipal', regionCode: '329900', parentId: city.id });
  const report = { ...emptyReport('2021'), agency: bureau.name, year: 2024 };
  await db
    .insertInto('annual_reports')
    .values({ agency_id: bureau.id, year: 2024, format: '2021', version: 1, status: 'published', report_json: renderReportJson(report), published_at: '2025-01-20T02:00:00.000Z', created_at: '2025-01-20T02:00:00.000Z' })
    .execute();
  return { city, bureau };
}

const clock = fixedClock(TODAY);
const staff = (agencyId: number, role: 'clerk' | 'reviewer' | 'admin'): StaffActor => ({ kind: 'staff', userId: 9, name: '测试', roles: [{ agencyId, role }] });

describe.each(testDatabases())('publishAnnualReport on $name', (target) => {
  const t = useTestDatabase(target);

  let seeded: ReturnType<typeof seedWorld> | undefined;
  const seedOnce = () => (seeded ??= seedWorld(t.db));

  async function stored() {
    return t.db.selectFrom('annual_reports').selectAll().orderBy('id').execute();
  }

  it('publishes a new version that the portal lists, with an audit entry', async () => {
    const world = await seedOnce();
    const previous = (await listPublishedReports({ db: t.db }, world.bureau.id)).find((r) => r.year === 2024)?.version ?? 0;
    const done = await publishAnnualReport({ db: t.db, actor: staff(world.bureau.id, 'reviewer'), clock }, { agencyId: world.bureau.id, year: 2024 });
    expect(done.version).toBe(previous + 1);
    expect(done.publishedAt).toBe(clock.now().toISOString());
    const listed = await listPublishedReports({ db: t.db }, world.bureau.id);
    expect(listed.find((r) => r.year === 2024)).toMatchObject({ version: previous + 1, publishedAt: done.publishedAt });
    const shown = await getPublishedReport({ db: t.db }, world.bureau.id, 2024);
    expect(shown?.report.agency).toBe(world.bureau.name);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('agency_id', '=', world.bureau.id).where('action', '=', 'report.published').execute();
    expect(audit).toHaveLength(1);
  });

  it('publishes the prose saved on the report screen, or the prose given, with prose that disagrees with a table only a warning', async () => {
    const world = await seedOnce();
    const clerk = { db: t.db, actor: staff(world.bureau.id, 'clerk'), clock };
    await saveReportSections(clerk, { agencyId: world.bureau.id, year: 2024, sections: { overview: '2024年，本局扎实推进政务公开。', applications: '本年共收到政府信息公开申请3件。' } });
    const version = await publishAnnualReport({ db: t.db, actor: staff(world.bureau.id, 'admin'), clock }, { agencyId: world.bureau.id, year: 2024 });
    const shown = await getPublishedReport({ db: t.db }, world.bureau.id, 2024);
    expect(shown?.version).toBe(version.version);
    expect(shown?.report.sections.overview?.text).toBe('2024年，本局扎实推进政务公开。');
    expect(checkReport(shown!.report, { expectedYear: 2024 }).map((f) => [f.code, f.severity])).toEqual([['narrative.tableMismatch', 'warning']]);

    await publishAnnualReport({ db: t.db, actor: staff(world.bureau.id, 'reviewer'), clock }, { agencyId: world.bureau.id, year: 2024, sections: { overview: '另行提供的文字。' } });
    const given = await getPublishedReport({ db: t.db }, world.bureau.id, 2024);
    expect([given?.report.sections.overview?.text, given?.report.sections.applications?.text]).toEqual(['另行提供的文字。', '']);
  });

  it('refuses a clerk and a reviewer of another agency, and stores nothing', async () => {
    const world = await seedOnce();
    const before = await stored();
    for (const actor of [staff(world.bureau.id, 'clerk'), staff(world.city.id, 'reviewer')]) {
      await expect(publishAnnualReport({ db: t.db, actor, clock }, { agencyId: world.bureau.id, year: 2024 })).rejects.toMatchObject({ code: 'access.denied' });
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a report the checker finds errors in, naming how many', async () => {
    const world = await seedOnce();
    const { applicationId } = await registerApplication(
      { db: t.db, actor: { kind: 'public' }, clock, calendar: loadCalendar() },
      { agencyId: world.bureau.id, form: { applicant: { type: 'naturalPerson', name: '张三', idNumber: VALID_ID, phone: '13812345678' }, description: '2024年部门决算', form: 'electronic', delivery: 'email' } },
    );
    // An outcome no format knows: the application is received but never leaves table 三, which no longer balances.
    await t.db.updateTable('applications').set({ outcome: 'no.such.outcome', closed_on: '2025-03-01' }).where('id', '=', applicationId).execute();
    const before = await stored();
    const refused = publishAnnualReport({ db: t.db, actor: staff(world.bureau.id, 'reviewer'), clock }, { agencyId: world.bureau.id, year: 2025 });
    await expect(refused).rejects.toMatchObject({ code: 'report.hasErrors', message: expect.stringMatching(/发现1处错误/) });
    expect(await stored()).toEqual(before);
  });
});
