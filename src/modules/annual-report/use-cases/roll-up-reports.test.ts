import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { createAgency } from '../../agencies/use-cases/create-agency.ts';
import { renderReportJson } from '../render/json.ts';
import type { StaffActor } from '../../accounts/policy.ts';
import { fixedClock } from '../../applications/use-cases/context.ts';
import { registerApplication } from '../../applications/use-cases/register-application.ts';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import { valueForSum } from '../domain/cell.ts';
import { FORMATS, TABLE_IDS } from '../domain/formats/index.ts';
import { emptyReport, getCell } from '../domain/report.ts';
import { buildAnnualReport } from './build-annual-report.ts';
import { rollUpReports } from './roll-up-reports.ts';


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
const staff = (agencyId: number, role: 'clerk' | 'supervisor'): StaffActor => ({ kind: 'staff', userId: 9, name: '测试', roles: [{ agencyId, role }] });

describe.each(testDatabases())('rollUpReports on $name', (target) => {
  const t = useTestDatabase(target);
  let seeded: Promise<{ city: number; children: number[] }> | undefined;
  const seedOnce = () =>
    (seeded ??= (async () => {
      const world = await seedWorld(t.db);
      const system = { kind: 'system', name: 'test' } as const;
      const other = await createAgency(
        { db: t.db, actor: system, clock },
        { code: 'demo-jyj', name: '示范市教育局', kind: 'department', level: 'municipal', regionCode: '329900', parentId: world.city.id },
      );
      const ctx = { db: t.db, actor: { kind: 'public' } as const, clock, calendar: loadCalendar() };
      const form = { applicant: { type: 'naturalPerson', name: '张三', idNumber: VALID_ID, phone: '13812345678' }, description: '2025年部门预算', form: 'electronic', delivery: 'email' };
      for (const agencyId of [world.bureau.id, world.bureau.id, other.id]) await registerApplication(ctx, { agencyId, form });
      return { city: world.city.id, children: [world.bureau.id, other.id] };
    })());

  it('sums the count cells of the agencies below, cell by cell, and lists them with published / errors', async () => {
    const { city, children } = await seedOnce();
    const rollUp = await rollUpReports({ db: t.db, actor: staff(city, 'supervisor') }, { agencyId: city, year: 2025 });
    expect(rollUp.agencies.map((a) => a.agencyId).sort()).toEqual([...children].sort());
    expect(rollUp.agencies.every((a) => a.published === false && a.errors === 0)).toBe(true);
    const parts = await Promise.all(children.map((agencyId) => buildAnnualReport({ db: t.db }, { agencyId, year: 2025 })));
    let compared = 0;
    for (const table of TABLE_IDS) {
      const def = FORMATS[rollUp.sum.format].tables[table];
      for (const row of def.rows) {
        for (const column of row.columns) {
          if (def.columns.find((c) => c.id === column)?.kind !== 'count') continue;
          const expected = parts.reduce((s, r) => s + valueForSum(getCell(r!, table, row.id, column)), 0);
          expect(valueForSum(getCell(rollUp.sum, table, row.id, column)), `${table} ${row.id} ${column}`).toBe(expected);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
    expect(valueForSum(getCell(rollUp.sum, 'applications', 'received', 'total'))).toBe(3);
  });

  it('marks an agency below as published once it has published that year', async () => {
    const { city, children } = await seedOnce();
    const rollUp = await rollUpReports({ db: t.db, actor: staff(city, 'supervisor') }, { agencyId: city, year: 2024 });
    expect(rollUp.agencies.find((a) => a.agencyId === children[0])?.published).toBe(true); // the fixture's 2024 report
    expect(rollUp.agencies.find((a) => a.agencyId === children[1])?.published).toBe(false);
  });

  it('refuses a clerk, even of the government itself', async () => {
    const { city } = await seedOnce();
    await expect(rollUpReports({ db: t.db, actor: staff(city, 'clerk') }, { agencyId: city, year: 2025 })).rejects.toMatchObject({ code: 'access.denied' });
  });
});
