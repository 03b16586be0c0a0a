/**
 * Proactive disclosure in Chromium: a clerk drafts a catalogue item and submits it for review; a reviewer signs in
 * and publishes it; then the portal's search for a two-character word of its title (预算) finds it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS, demoUsername } from '../../src/modules/demo/seed-demo.ts';
import { startE2eWorld, type E2eWorld } from './e2e-server.ts';

const TITLE = '示范市2024年度部门预算绩效自评报告';

let world: E2eWorld;
beforeAll(async () => {
  world = await startE2eWorld();
}, 180_000);
afterAll(async () => world?.close());

async function signIn(role: 'clerk' | 'reviewer'): Promise<Page> {
  const context = await world.browser.newContext({ locale: 'zh-CN' });
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${world.baseUrl}/office`);
  await page.getByLabel('用户名').fill(demoUsername(world.agencyCode, role));
  await page.getByLabel('密码').fill(DEMO_PASSWORDS[role]);
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('待办申请');
  return page;
}

describe('publishing a catalogue item', () => {
  it('a clerk drafts and submits, a reviewer publishes, the portal search finds it', async () => {
    const clerk = await signIn('clerk');
    await clerk.getByRole('link', { name: '主动公开' }).click();
    await clerk.getByRole('link', { name: '新建目录条目' }).click();
    await clerk.getByLabel('标题').fill(TITLE);
    await clerk.getByLabel('信息类别').selectOption('7');
    await clerk.getByLabel('发布机构').fill(world.agencyName);
    await clerk.getByLabel('成文日期').fill('2025-06-12');
    await clerk.getByLabel('内容概述').fill('项目支出绩效自评结果');
    await clerk.getByLabel('正文').fill('现将本部门2024年度预算项目绩效自评情况公开如下。');
    await clerk.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => clerk.getByRole('status').textContent()).toContain('已保存为草稿');
    expect(await clerk.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    // 2025-06-12 (Thu) → 2025-06-16 (Mon): 2 working days of Art. 26's 20
    expect(await clerk.locator('#timeliness').textContent()).toMatch(/已过2个工作日/);
    const itemUrl = clerk.url().replace(/\?.*$/, '');
    await clerk.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => clerk.getByRole('status').textContent()).toContain('已提交审核');
    expect(await clerk.getByRole('button', { name: '发布' }).count()).toBe(0);

    const reviewer = await signIn('reviewer');
    await reviewer.getByRole('link', { name: '主动公开' }).click();
    await reviewer.getByLabel('状态').selectOption('review');
    await reviewer.getByRole('button', { name: '筛选' }).click();
    await reviewer.getByRole('link', { name: TITLE }).click();
    expect(reviewer.url()).toBe(itemUrl);
    await reviewer.getByRole('button', { name: '发布', exact: true }).click();
    await expect.poll(() => reviewer.getByRole('status').textContent()).toContain('已发布');
    expect(await reviewer.locator('table.meta').textContent()).toContain('已发布');

    const citizen = await (await world.browser.newContext({ locale: 'zh-CN' })).newPage();
    await citizen.goto(`${world.baseUrl}/a/${world.agencyCode}/search`);
    await citizen.getByLabel('搜索词').fill('预算');
    await citizen.getByRole('button', { name: '搜索' }).click();
    const results = citizen.locator('.result-list');
    await expect.poll(() => results.textContent()).toContain('绩效自评报告');
    await citizen.getByRole('link', { name: TITLE }).click();
    expect(await citizen.getByRole('heading', { level: 1 }).textContent()).toContain(TITLE);
  }, 120_000);
});
