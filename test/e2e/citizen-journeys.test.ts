/** Browser tests of the journeys a citizen takes on the portal, in Chromium, without touching the network. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCHABLE_TITLE, startE2eWorld, type E2eWorld } from './e2e-server.ts';

let world: E2eWorld;
beforeAll(async () => {
  world = await startE2eWorld();
}, 180_000);
afterAll(async () => world?.close());

async function newPage(): Promise<Page> {
  const context = await world.browser.newContext({ locale: 'zh-CN' });
  // the portal needs nothing from outside: refuse any request that leaves the server
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  return context.newPage();
}

describe('a citizen on the portal', () => {
  it('applies online, keeps the receipt and looks up the status with it', async () => {
    const page = await newPage();
    await page.goto(world.baseUrl);
    await page.getByRole('link', { name: world.agencyName }).first().click();
    await page.getByRole('navigation', { name: /政府信息公开专栏/ }).getByRole('link', { name: '依申请公开' }).click();
    await page.getByLabel('姓名').fill('王小明');
    await page.getByLabel('证件号码').fill('11010519491231002X');
    await page.getByLabel('联系电话').fill('139 1234 5678');
    await page.getByLabel('所需政府信息的描述').fill('2024年部门决算及说明');
    await page.getByLabel('获取信息的形式').selectOption('electronic');
    await page.getByLabel('获取信息的方式').selectOption('email');
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('申请已提交');
    const code = (await page.getByTestId('tracking-code').textContent())!;
    const secret = (await page.getByTestId('secret').textContent())!;
    expect(await page.getByTestId('due-on').textContent()).toContain('2025年7月14日');

    await page.getByRole('link', { name: '查询办理进度' }).click();
    await page.getByLabel('查询码').fill(code);
    await page.getByLabel('查询密码').fill(secret);
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.getByTestId('status-label').textContent()).toBe('办理中');
    await page.context().close();
  });

  it('sees the form come back with the error beside the field when the ID number is wrong', async () => {
    const page = await newPage();
    await page.goto(`${world.baseUrl}/a/${world.agencyCode}/apply`);
    await page.getByLabel('姓名').fill('王小明');
    await page.getByLabel('证件号码').fill('110105194912310021');
    await page.getByLabel('联系电话').fill('13912345678');
    await page.getByLabel('所需政府信息的描述').fill('决算');
    await page.getByLabel('获取信息的形式').selectOption('paper');
    await page.getByLabel('获取信息的方式').selectOption('post');
    await page.getByRole('button', { name: '提交申请' }).click();
    const idField = page.getByLabel('证件号码');
    expect(await idField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-applicant-idNumber-error').textContent()).toMatch(/^错误：/);
    expect(await page.getByLabel('姓名').inputValue()).toBe('王小明');
    await page.context().close();
  });

  it('searches for a two-character word and finds the item', async () => {
    const page = await newPage();
    await page.goto(`${world.baseUrl}/a/${world.agencyCode}`);
    await page.getByLabel('检索本机关公开的信息').fill('预算');
    await page.getByLabel('检索本机关公开的信息').press('Enter');
    const hit = page.getByRole('link', { name: SEARCHABLE_TITLE });
    await hit.click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(SEARCHABLE_TITLE);
    expect(await page.locator('table.meta').textContent()).toContain('索引号');
    await page.context().close();
  });

  it('fills in and sends the application form with the keyboard alone', async () => {
    const page = await newPage();
    await page.goto(`${world.baseUrl}/a/${world.agencyCode}/apply`);
    // the skip link is the first stop and leads to the content
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
    const tabTo = async (name: string) => {
      for (let i = 0; i < 40 && (await focusedName()) !== name; i++) await page.keyboard.press('Tab');
      expect(await focusedName()).toBe(name);
    };
    await tabTo('applicant.name');
    await page.keyboard.type('键盘用户');
    await tabTo('applicant.idNumber');
    await page.keyboard.type('11010519491231002X');
    await tabTo('applicant.phone');
    await page.keyboard.type('13712345678');
    await tabTo('description');
    await page.keyboard.type('公共资源交易目录');
    await tabTo('form');
    await page.keyboard.press('ArrowDown'); // 纸质文本
    await tabTo('delivery');
    await page.keyboard.press('ArrowDown'); // 邮寄
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none'); // the focus can be seen
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('提交申请');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('申请已提交');
    await page.context().close();
  });
});
