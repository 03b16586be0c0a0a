/**
 * A clerk and a reviewer in the back office, in Chromium: the clerk signs in, opens an application, asks for a
 * supplement and records it; the reviewer approves the extension (Art. 33); the clerk replies.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { registerApplication } from '../../src/modules/applications/use-cases/register-application.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { DEMO_PASSWORDS, demoUsername } from '../../src/modules/demo/seed-demo.ts';
import { groupCode } from '../../src/http/views/format.ts';
import { E2E_TODAY, startE2eWorld, type E2eWorld } from './e2e-server.ts';

let world: E2eWorld;
let trackingCode = '';
beforeAll(async () => {
  world = await startE2eWorld({
    afterSeed: async (db, agencyId) => {
      const ctx = { db, actor: { kind: 'public' } as const, clock: fixedClock(E2E_TODAY), calendar: loadCalendar() };
      const form = { applicant: { type: 'naturalPerson', name: '浏览器测试人', idNumber: '11010519491231002X', phone: '13812345678' }, description: '办公平台测试申请', form: 'paper', delivery: 'post' };
      trackingCode = (await registerApplication(ctx, { agencyId, form })).trackingCode;
    },
  });
}, 180_000);
afterAll(async () => world?.close());

async function signIn(role: 'clerk' | 'reviewer'): Promise<Page> {
  const context = await world.browser.newContext({ locale: 'zh-CN' });
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${world.baseUrl}/office`);
  expect(page.url()).toContain('/office/login');
  await page.getByLabel('用户名').fill(demoUsername(world.agencyCode, role));
  await page.getByLabel('密码').fill(DEMO_PASSWORDS[role]);
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('待办申请');
  return page;
}

async function openStep(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('link', { name: title }).click();
}

async function submitAndExpectDone(page: Page, button: string, done: RegExp): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toMatch(done);
}

describe('staff in the back office', () => {
  it('handles an application from the supplement to the reply', async () => {
    const clerk = await signIn('clerk');
    await clerk.getByRole('link', { name: groupCode(trackingCode) }).click();
    expect(await clerk.getByRole('heading', { level: 1 }).textContent()).toContain(groupCode(trackingCode));
    const applicationUrl = clerk.url();

    await openStep(clerk, /告知补正/);
    await clerk.getByLabel('需要补正的事项').fill('请写明所需信息的年份');
    await clerk.getByLabel('补正期限截止日期').fill('2025-07-07');
    await submitAndExpectDone(clerk, '发出补正告知', /告知补正/);

    await openStep(clerk, /登记补正材料/);
    await clerk.getByLabel('补正内容说明').fill('申请人补充：2024年度');
    await submitAndExpectDone(clerk, '登记补正', /登记补正材料/);

    // Art. 33: the head of the disclosure office (a reviewer) approves the extension
    const reviewer = await signIn('reviewer');
    await reviewer.goto(applicationUrl);
    await openStep(reviewer, /批准延期答复/);
    await reviewer.getByLabel('延长的工作日数').fill('15');
    await reviewer.getByLabel('延期理由').fill('需要调取历年档案');
    await submitAndExpectDone(reviewer, '批准延期', /批准延期答复/);

    await clerk.goto(applicationUrl);
    await openStep(clerk, /作出答复/);
    await clerk.getByLabel('办理结果').selectOption('disclosed');
    await clerk.getByLabel('法律依据').fill('《条例》第三十六条第（二）项');
    await submitAndExpectDone(clerk, '作出答复', /作出答复/);

    const history = await clerk.locator('main ol').textContent();
    expect(history).toMatch(/收到申请.*告知补正.*申请人补正.*批准延期答复.*作出答复/s);
    expect(await clerk.locator('table.meta').textContent()).toContain('已答复');

    await clerk.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => clerk.url()).toContain('/office/login');
    await clerk.context().close();
    await reviewer.context().close();
  });
});
