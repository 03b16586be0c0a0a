import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import type { Database } from '../../../db/schema.ts';
import type { StaffActor } from '../../accounts/policy.ts';
import { createAgency } from '../../agencies/use-cases/create-agency.ts';
import { fixedClock } from '../../applications/use-cases/context.ts';
import { registerApplication } from '../../applications/use-cases/register-application.ts';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import { checkReport } from '../domain/checks/index.ts';
import { num } from '../domain/cell.ts';
import { emptyReport, type Report } from '../domain/report.ts';
import { buildAllAnnualReports, buildAnnualReport } from './build-annual-report.ts';
import { getReportSections, narrativeFindingsBySection, saveReportSections, SECTION_MAX_LENGTH, startingText } from './report-sections.ts';

const TODAY = '2025-03-10';
const clock = fixedClock(TODAY);
const staff = (agencyId: number, role: 'clerk' | 'reviewer' | 'admin' | 'supervisor'): StaffActor => ({ kind: 'staff', userId: 7, name: '测试', roles: [{ agencyId, role }] });

/** A city with its finance bureau below it; one application received by the bureau in 2025. */
async function seedWorld(db: Kysely<Database>) {
  const system = { kind: 'system', name: 'test' } as const;
  const city = await createAgency({ db, actor: system, clock }, { code: 'rs-city', name: '示范市人民政府', kind: 'government', level: 'municipal', regionCode: '329900' });
  const bureau = await createAgency({ db, actor: system, clock }, { code: 'rs-czj', name: '示范市财政局', kind: 'department', level: 'municipal', regionCode: '329900', parentId: city.id });
  await registerApplication(
    { db, actor: { kind: 'public' }, clock, calendar: loadCalendar() },
    { agencyId: bureau.id, form: { applicant: { type: 'naturalPerson', name: '张三', idNumber: '11010519491231002X', phone: '13812345678' }, description: '2025年部门预算', form: 'electronic', delivery: 'email' } },
  );
  return { city, bureau };
}

describe.each(testDatabases())('report sections on $name', (target) => {
  const t = useTestDatabase(target);
  let seeded: ReturnType<typeof seedWorld> | undefined;
  const seedOnce = () => (seeded ??= seedWorld(t.db));

  async function stored() {
    const rows = await t.db.selectFrom('report_sections').selectAll().orderBy('id').execute();
    const audit = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'report.sectionsSaved').execute();
    return { rows, audit: audit.length };
  }

  it('saves the texts a clerk writes, audits the save, and builds them into the report', async () => {
    const { bureau } = await seedOnce();
    const changed = await saveReportSections(
      { db: t.db, actor: staff(bureau.id, 'clerk'), clock },
      { agencyId: bureau.id, year: 2025, sections: { overview: '2025年，本局推进政务公开。\r\n全年共收到政府信息公开申请1件。', problems: '' } },
    );
    expect(changed).toEqual(['overview', 'problems']);
    const got = await getReportSections({ db: t.db, actor: staff(bureau.id, 'reviewer') }, { agencyId: bureau.id, year: 2025 });
    expect(got.texts).toEqual({ overview: '2025年，本局推进政务公开。\n全年共收到政府信息公开申请1件。', problems: '' });
    expect(got.lastSaved).toEqual({ at: clock.now().toISOString(), by: 'user:7' });

    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'report.sectionsSaved').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ agency_id: bureau.id, actor: 'user:7', subject: 'annual-report:2025' });
    expect(audit[0]!.details).not.toContain('推进政务公开');

    const report = (await buildAnnualReport({ db: t.db }, { agencyId: bureau.id, year: 2025 }))!;
    expect(report.sections.overview?.text).toBe('2025年，本局推进政务公开。\n全年共收到政府信息公开申请1件。');
    expect(report.sections.other?.text).toBe('');
    expect(checkReport(report, { expectedYear: 2025 })).toEqual([]);
    // the province-wide build carries the same prose
    const all = await buildAllAnnualReports({ db: t.db }, { year: 2025 });
    expect(all.get(bureau.id)).toEqual(report);
    // prose passed in explicitly wins over the saved prose
    const given = (await buildAnnualReport({ db: t.db }, { agencyId: bureau.id, year: 2025, sections: { other: '无。' } }))!;
    expect([given.sections.overview?.text, given.sections.other?.text]).toEqual(['', '无。']);
  });

  it('writes nothing and audits nothing when no text changed; an administrator and a reviewer may save too', async () => {
    const { bureau } = await seedOnce();
    const before = await stored();
    const same = { overview: '2025年，本局推进政务公开。\n全年共收到政府信息公开申请1件。' };
    expect(await saveReportSections({ db: t.db, actor: staff(bureau.id, 'admin'), clock }, { agencyId: bureau.id, year: 2025, sections: same })).toEqual([]);
    expect(await stored()).toEqual(before);
    expect(await saveReportSections({ db: t.db, actor: staff(bureau.id, 'reviewer'), clock }, { agencyId: bureau.id, year: 2025, sections: { other: '本年度未收取信息处理费。' } })).toEqual(['other']);
    expect((await stored()).audit).toBe(before.audit + 1);
  });

  it('makes a number in the text that disagrees with the table a finding beside its section', async () => {
    const { bureau } = await seedOnce();
    await saveReportSections({ db: t.db, actor: staff(bureau.id, 'clerk'), clock }, {
      agencyId: bureau.id,
      year: 2025,
      // a statement that agrees anywhere settles the quantity: 一 no longer states the count
      sections: { overview: '2025年，本局推进政务公开。', applications: '本年共收到政府信息公开申请12件。' },
    });
    const report = (await buildAnnualReport({ db: t.db }, { agencyId: bureau.id, year: 2025 }))!;
    const findings = checkReport(report, { expectedYear: 2025 });
    const mismatch = findings.find((f) => f.code === 'narrative.tableMismatch');
    expect(mismatch).toMatchObject({ severity: 'warning', found: 12, expected: 1 });
    expect(narrativeFindingsBySection(report, findings).get('applications')).toEqual([mismatch]);
    await saveReportSections({ db: t.db, actor: staff(bureau.id, 'clerk'), clock }, { agencyId: bureau.id, year: 2025, sections: { applications: '' } });
  });

  it.each([
    ['an unknown section id', { budget: '预算' }, 'sections.budget', /没有“budget”这一部分/],
    ['a section over the limit', { overview: '字'.repeat(SECTION_MAX_LENGTH + 1) }, 'sections.overview', /“一、总体情况”最多20000字/],
    ['a control character', { problems: '问题\u0007一' }, 'sections.problems', /“五、存在的主要问题及改进情况”第3个字符是不可见的控制字符（U\+0007）/],
    ['text that is not a string', { other: 5 }, 'sections.other', /应为文字/],
    ['no section at all', {}, 'sections', /至少一个部分/],
  ])('refuses %s naming the field, and stores nothing, not even the valid sections beside it', async (_what, sections, path, message) => {
    const { bureau } = await seedOnce();
    const before = await stored();
    const refused = saveReportSections(
      { db: t.db, actor: staff(bureau.id, 'clerk'), clock },
      { agencyId: bureau.id, year: 2025, sections: { ...sections, ...(Object.keys(sections).length ? { remedies: '本年无复议诉讼。' } : {}) } },
    );
    await expect(refused).rejects.toMatchObject({ code: 'input.invalid', message, details: { issues: [expect.objectContaining({ path })] } });
    expect(await stored()).toEqual(before);
  });

  it('refuses a year outside 2008 to this year and an agency id that is not one', async () => {
    const { bureau } = await seedOnce();
    const before = await stored();
    for (const [input, path] of [
      [{ agencyId: bureau.id, year: 2026, sections: { overview: 'x' } }, 'year'],
      [{ agencyId: 'x', year: 2025, sections: { overview: 'x' } }, 'agencyId'],
    ] as const) {
      await expect(saveReportSections({ db: t.db, actor: staff(bureau.id, 'clerk'), clock }, input)).rejects.toMatchObject({ code: 'input.invalid', details: { issues: [expect.objectContaining({ path })] } });
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses staff of another agency and the supervisor above, who still reads the texts', async () => {
    const { city, bureau } = await seedOnce();
    const before = await stored();
    for (const actor of [staff(city.id, 'clerk'), staff(city.id, 'admin'), staff(city.id, 'supervisor'), staff(bureau.id, 'supervisor')]) {
      const refused = saveReportSections({ db: t.db, actor, clock }, { agencyId: bureau.id, year: 2025, sections: { overview: '越权写入' } });
      await expect(refused).rejects.toMatchObject({ code: 'access.denied' });
    }
    expect(await stored()).toEqual(before);
    const read = await getReportSections({ db: t.db, actor: staff(city.id, 'supervisor') }, { agencyId: bureau.id, year: 2025 });
    expect(read.texts.overview).toContain('推进政务公开');
    await expect(getReportSections({ db: t.db, actor: staff(city.id, 'clerk') }, { agencyId: bureau.id, year: 2025 })).rejects.toMatchObject({ code: 'access.denied' });
  });
});

describe('the prose helpers (pure)', () => {
  const report: Report = {
    ...emptyReport('2021', { agency: '示范市财政局', year: 2024 }),
    tables: { ...emptyReport('2021').tables, applications: { received: { total: num(9) } } },
  };

  it('starts 一、总体情况 with the year, the agency and the applications as the table counts them; the rest empty', () => {
    const text = startingText(report, 'overview');
    expect(text).toMatch(/^2024年，示范市财政局/);
    expect(text).toContain('共收到政府信息公开申请9件');
    expect(startingText(report, 'problems')).toBe('');
    const withText = { ...report, sections: { overview: { heading: '一、总体情况', text } } };
    expect(checkReport(withText, { expectedYear: 2024 }).filter((f) => f.code.startsWith('narrative.'))).toEqual([]);
  });

  it('places a mismatch under the section it quotes and a finding about the whole prose under 一', () => {
    const withText: Report = {
      ...report,
      sections: {
        overview: { heading: '一、总体情况', text: '本局依法推进公开工作。' },
        other: { heading: '六、其他需要报告的事项', text: '本年度共受理政府信息公开申请40件，全部按期答复，没有延期的情况，群众满意度较高，工作成效明显。' },
      },
    };
    const findings = [...checkReport(withText, { expectedYear: 2024 }), { code: 'narrative.yearMismatch', severity: 'warning', cells: [], expected: 2024, found: 2023, message: '年份', messageEn: '' } as const];
    const placed = narrativeFindingsBySection(withText, findings);
    expect(placed.get('other')?.map((f) => f.code)).toEqual(['narrative.tableMismatch']);
    expect(placed.get('overview')?.map((f) => f.code)).toEqual(['narrative.yearMismatch']);
  });
});
