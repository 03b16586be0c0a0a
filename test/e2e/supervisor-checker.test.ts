/**
 * A supervisor in Chromium (the demo data's account): uploads two reports, one faulty; sees the faulty cells
 * highlighted and linked to the finding; dismisses the finding with a note; uploads the same report again and finds
 * the note beside the finding.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../../src/modules/annual-report/domain/checks/index.ts';
import { cellKey } from '../../src/modules/annual-report/domain/finding.ts';
import { renderReport } from '../../src/modules/annual-report/render/index.ts';
import { DEMO_PASSWORDS, demoUsername } from '../../src/modules/demo/seed-demo.ts';
import { buildValidReport, withFault } from '../factories/report-factory.ts';
import { startE2eWorld, type E2eWorld } from './e2e-server.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.1 AA violations axe-core finds on the page (rule ids with the first offending element). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ html: string }> }> }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes[0]?.html ?? ''}`);
  });
  return violations;
}

const GOOD = buildValidReport(5, '2021');
const FAULTY = withFault(buildValidReport(9, '2021'), 'remedyTotalWrong', 1);

let world: E2eWorld;
let uploads: Array<{ name: string; mimeType: string; buffer: Buffer }>;
beforeAll(async () => {
  world = await startE2eWorld();
  uploads = [
    { name: '合格报告.html', mimeType: 'text/html', buffer: await renderReport(GOOD, 'html') },
    { name: '有误报告.txt', mimeType: 'text/plain', buffer: await renderReport(FAULTY, 'text') },
  ];
}, 180_000);
afterAll(async () => world?.close());

async function signInAsSupervisor(): Promise<Page> {
  // bypassCSP: axe is injected by the test, not served (the CSP rightly refuses inline script)
  const context = await world.browser.newContext({ locale: 'zh-CN', bypassCSP: true });
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${world.baseUrl}/office`);
  await page.getByLabel('用户名').fill(demoUsername(world.agencyCode, 'supervisor'));
  await page.getByLabel('密码').fill(DEMO_PASSWORDS.supervisor);
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('待办申请');
  return page;
}

async function uploadBoth(page: Page): Promise<void> {
  await page.getByRole('link', { name: '报告核查' }).click();
  await page.getByLabel('选择报告文件（可多选）').setInputFiles(uploads);
  await page.getByRole('button', { name: '上传并检查' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('年度报告核查结果');
}

describe('the supervisor’s checker in a browser', () => {
  it('uploads two reports, sees the faulty cells, dismisses the finding with a note and sees it on the next upload', async () => {
    const page = await signInAsSupervisor();
    await uploadBoth(page);

    expect(await axeViolations(page)).toEqual([]);
    const summary = page.locator('table.summary');
    expect(await summary.locator('tr', { hasText: '合格报告.html' }).locator('td').nth(3).textContent()).toBe('0');
    expect(Number(await summary.locator('tr', { hasText: '有误报告.txt' }).locator('td').nth(3).textContent())).toBeGreaterThan(0);

    const faulty = page.locator('section.checked-report', { hasText: '有误报告.txt' });
    const finding = checkReport(FAULTY)[0]!;
    const flagged = faulty.locator('td.flagged');
    expect((await flagged.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')))).sort()).toEqual(finding.cells.map(cellKey).sort());
    await expect.poll(() => flagged.first().isVisible()).toBe(true);
    // The mark is also a link to the finding, and the cell is described by it for a screen reader.
    await flagged.first().getByRole('link', { name: '见问题1' }).click();
    expect(page.url()).toMatch(/#r1-f1$/);
    expect(await flagged.first().getAttribute('aria-describedby')).toBe('r1-f1');
    expect(await page.locator('section.checked-report', { hasText: '合格报告.html' }).locator('td.flagged').count()).toBe(0);

    const item = faulty.locator('li.finding-item').first();
    expect(await item.textContent()).toContain(finding.message);
    await item.getByLabel('排除（误报）').check();
    await item.getByLabel(/说明/).fill('复议案件跨年度统计，原表口径正确');
    await item.getByRole('button', { name: '保存核查意见' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已保存问题1的核查意见：排除（误报）');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${world.baseUrl}/office`);
    await uploadBoth(page);
    const again = page.locator('section.checked-report', { hasText: '有误报告.txt' }).locator('li.finding-item').first();
    expect(await again.locator('.review-earlier').textContent()).toMatch(/已核查：排除（误报）。说明：复议案件跨年度统计，原表口径正确/);
    expect(await again.getByRole('button').textContent()).toBe('修改核查意见');
    expect(await page.locator('table.summary tr', { hasText: '有误报告.txt' }).locator('.review-state').textContent()).toMatch(/已/);
    await page.context().close();
  }, 120_000);
});
