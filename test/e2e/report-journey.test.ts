/**
 * The annual report in Chromium (Arts. 49-50): an administrator writes the prose in place, sees the checker compare
 * it with the tables, publishes, and the portal shows the report with that prose; the supervisor of the city sees
 * the roll-up of the agencies below — who has not published, who has errors, and the summed tables.
 */
import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
import type { Role } from '../../src/modules/accounts/policy.ts';
import { listSubordinateIds } from '../../src/modules/agencies/agencies.repository.ts';
import { numericValue } from '../../src/modules/annual-report/domain/cell.ts';
import { getCell } from '../../src/modules/annual-report/domain/report.ts';
import { buildAllAnnualReports } from '../../src/modules/annual-report/use-cases/build-annual-report.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { registerApplication } from '../../src/modules/applications/use-cases/register-application.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { DEMO_CITY } from '../../src/modules/demo/demo-hierarchy.ts';
import { DEMO_PASSWORDS, demoUsername } from '../../src/modules/demo/seed-demo.ts';
import { E2E_TODAY, startE2eWorld, type E2eWorld } from './e2e-server.ts';

/** Art. 49: in June 2025 the report being prepared is the one on 2024. */
const YEAR = 2024;

let world: E2eWorld;
let db: Kysely<Database>;
/** A second department whose 2024 report the checker finds an error in. */
let faulty = { id: 0, name: '' };

beforeAll(async () => {
  world = await startE2eWorld({
    afterSeed: async (seeded, agencyId) => {
      db = seeded;
      const other = await seeded.selectFrom('agencies').select(['id', 'name']).where('kind', '=', 'department').where('id', '!=', agencyId).orderBy('id').executeTakeFirstOrThrow();
      faulty = other;
      const ctx = { db: seeded, actor: { kind: 'public' } as const, clock: fixedClock(E2E_TODAY), calendar: loadCalendar() };
      const form = { applicant: { type: 'naturalPerson', name: '汇总测试人', idNumber: '11010519491231002X', phone: '13812345678' }, description: '2024年决算', form: 'paper', delivery: 'post' };
      const { applicationId } = await registerApplication(ctx, { agencyId: other.id, form });
      // An outcome no format knows: received in 2024 but never leaving table 三, which then does not balance.
      await seeded.updateTable('applications').set({ received_on: '2024-05-06', year: YEAR, outcome: 'no.such.outcome', closed_on: '2024-06-03' }).where('id', '=', applicationId).execute();
    },
  });
}, 180_000);
afterAll(async () => world?.close());

async function signIn(username: string, role: Role): Promise<Page> {
  // bypassCSP: the server's CSP rightly refuses inline script; axe is injected by the test, not served
  const context = await world.browser.newContext({ locale: 'zh-CN', bypassCSP: true });
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${world.baseUrl}/office`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORDS[role]);
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('待办申请');
  return page;
}

async function openReportScreen(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '办公导航' }).getByRole('link', { name: '年度报告' }).click();
  // the page's own h1 comes first; the embedded report prints its title as an h1 too
  await expect.poll(() => page.locator('main h1').first().textContent()).toContain(`${YEAR}年政府信息公开工作年度报告（草稿）`);
}

/** The axe-core violations of the WCAG 2.0/2.1 A and AA rules on the page as it stands (rule id and targets). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run(ctx: Document, options: unknown): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function saveProse(page: Page): Promise<void> {
  await page.getByRole('button', { name: '保存正文' }).click();
  await expect.poll(() => page.locator('.prose-editor [role=status]').textContent()).toContain('正文已保存');
}

describe('the annual report, from the back office to the portal', () => {
  it('an administrator writes the prose, sees the checks, publishes, and the portal shows the report with it', async () => {
    const admin = await signIn(demoUsername(world.agencyCode, 'admin'), 'admin');
    await openReportScreen(admin);
    const overview = admin.getByLabel('一、总体情况');
    expect(await overview.inputValue()).toMatch(new RegExp(`^${YEAR}年，${world.agencyName}`));
    const received = (await admin.locator('article.report td[data-row=received][data-column=total]').textContent())!.trim();
    expect(received).toMatch(/^\d+$/);

    // a number in the prose that disagrees with table 三 is a finding beside the section and among the checks
    const wrong = Number(received) + 7;
    await overview.fill(`${YEAR}年，本局认真贯彻落实《政府信息公开条例》。\n全年共收到政府信息公开申请${wrong}件。`);
    await saveProse(admin);
    const beside = admin.locator('#f-sections-overview-findings');
    await expect.poll(() => beside.textContent()).toMatch(new RegExp(`警告.*申请${wrong}件.*为${received}`));
    expect(await admin.getByRole('complementary', { name: '检查结果' }).textContent()).toContain(`申请${wrong}件`);
    expect(await axeViolations(admin)).toEqual([]);

    // corrected, the finding goes; the edited text is the report's
    const edited = `${YEAR}年，本局认真贯彻落实《政府信息公开条例》。\n全年共收到政府信息公开申请${received}件，均依法办理。`;
    await admin.getByLabel('一、总体情况').fill(edited);
    await admin.getByLabel('五、存在的主要问题及改进情况').fill('部分栏目更新不够及时，下一步将完善更新机制。');
    await saveProse(admin);
    expect(await admin.locator('#f-sections-overview-findings').count()).toBe(0);
    expect(await admin.locator('article.report section[data-section=overview] p').allTextContents()).toEqual(edited.split('\n'));

    await admin.getByRole('button', { name: '发布到门户' }).click();
    await expect.poll(() => admin.locator('.success-box').allTextContents()).toContain('本年度报告已发布到门户。');
    await admin.context().close();

    const visitor = await (await world.browser.newContext({ locale: 'zh-CN' })).newPage();
    await visitor.context().route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    await visitor.goto(`${world.baseUrl}/a/${world.agencyCode}/reports`);
    await visitor.getByRole('link', { name: `${world.agencyName}${YEAR}年政府信息公开工作年度报告` }).click();
    await expect.poll(() => visitor.url()).toContain(`/a/${world.agencyCode}/reports/${YEAR}`);
    const article = visitor.locator('article.report');
    expect(await article.locator('section[data-section=overview] p').allTextContents()).toEqual(edited.split('\n'));
    expect(await article.locator('section[data-section=problems] p').textContent()).toBe('部分栏目更新不够及时，下一步将完善更新机制。');
    await visitor.context().close();
  });

  it('the supervisor of the city sees the agencies below: who has not published, who has errors, and the summed tables', async () => {
    const supervisor = await signIn(demoUsername(DEMO_CITY.regionCode, 'supervisor'), 'supervisor');
    await openReportScreen(supervisor);
    const rollUp = supervisor.getByRole('region', { name: '下级机关汇总' });
    const rows = await rollUp.locator('table.rollup tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td).map((td) => td.textContent?.trim() ?? '')));
    const city = (await db.selectFrom('agencies').select('id').where('code', '=', DEMO_CITY.regionCode).executeTakeFirstOrThrow()).id;
    const below = await listSubordinateIds(db, city);
    expect(rows).toHaveLength(below.length);
    // the first journey published this department's report; the seeded fault is an error of the other one
    expect(rows.find((r) => r[0] === world.agencyName)?.slice(1)).toEqual(['已发布', '0']);
    expect(rows.find((r) => r[0] === faulty.name)?.slice(1)).toEqual(['未发布', '1']);
    expect(rows.filter((r) => r[1] === '未发布')).toHaveLength(below.length - 1);

    // the summed table 三 is the sum of the reports below, cell by cell (here: 一 and （七）总计 of the 总计 column)
    const all = await buildAllAnnualReports({ db }, { year: YEAR });
    const sum = (row: string) => below.reduce((s, id) => s + (numericValue(getCell(all.get(id)!, 'applications', row, 'total')) ?? 0), 0);
    const sumCell = (row: string) => rollUp.locator(`.rollup-sum td[data-row="${row}"][data-column=total]`).textContent();
    expect(Number(await sumCell('received'))).toBe(sum('received'));
    expect(Number(await sumCell('handledTotal'))).toBe(sum('handledTotal'));
    expect(sum('received')).toBeGreaterThan(0);

    // a supervisor reads the report of an agency below but cannot edit its prose or publish it
    await rollUp.getByRole('link', { name: world.agencyName }).click();
    await expect.poll(() => supervisor.locator('main h1').first().textContent()).toContain(world.agencyName);
    expect(await supervisor.locator('textarea').count()).toBe(0);
    expect(await supervisor.getByRole('button', { name: '发布到门户' }).count()).toBe(0);
    await supervisor.context().close();
  });
});
