/**
 * Screenshots of the portal's and the back office's main pages, desktop and phone, into docs/screenshots/ (PNG). The same world as the
 * browser tests (demo data, a fixed day), plus the 2024 annual report of the first department built from the demo
 * applications and published. Run: node --import tsx scripts/screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { renderReportJson } from '../src/modules/annual-report/render/json.ts';
import { closeRenderer } from '../src/modules/annual-report/render/index.ts';
import { buildAnnualReport } from '../src/modules/annual-report/use-cases/build-annual-report.ts';
import { DEMO_PASSWORDS, demoUsername } from '../src/modules/demo/seed-demo.ts';
import type { Role } from '../src/modules/accounts/policy.ts';
import { startE2eWorld, SEARCHABLE_TITLE } from '../test/e2e/e2e-server.ts';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const world = await startE2eWorld({
    afterSeed: async (db, agencyId) => {
      const report = await buildAnnualReport({ db }, { agencyId, year: 2024 });
      if (!report) return;
      const at = '2025-01-20T02:00:00.000Z';
      await db.insertInto('annual_reports').values({ agency_id: agencyId, year: 2024, format: report.format, version: 1, status: 'published', report_json: renderReportJson(report), published_at: at, created_at: at }).execute();
    },
  });
  const a = `/a/${world.agencyCode}`;
  try {
    const shoot = async (name: string, path: string, options: { phone?: boolean; as?: Role; act?: (page: Page) => Promise<void> } = {}) => {
      const context = await world.browser.newContext({ viewport: options.phone ? PHONE : DESKTOP, deviceScaleFactor: 1, locale: 'zh-CN' });
      await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      const page = await context.newPage();
      if (options.as) {
        await page.goto(`${world.baseUrl}/office/login`);
        await page.getByLabel('用户名').fill(demoUsername(world.agencyCode, options.as));
        await page.getByLabel('密码').fill(DEMO_PASSWORDS[options.as]);
        await page.getByRole('button', { name: '登录' }).click();
        await page.waitForURL((url) => !url.pathname.endsWith('/login'));
      }
      await page.goto(world.baseUrl + path);
      await options.act?.(page);
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      await context.close();
      process.stdout.write(`${name}.png\n`);
    };
    await shoot('01-portal-home', '/');
    await shoot('02-agency-home', a);
    await shoot('03-disclosure-guide', `${a}/guide`);
    await shoot('04-catalogue', `${a}/catalogue?category=1`);
    await shoot('05-search', `${a}/search?q=${encodeURIComponent('预算')}`);
    await shoot('06-item', `${a}/search?q=${encodeURIComponent('预算')}`, {
      act: async (page) => {
        await page.getByRole('link', { name: SEARCHABLE_TITLE }).click();
      },
    });
    await shoot('07-apply-phone', `${a}/apply`, { phone: true });
    await shoot('08-apply-errors-phone', `${a}/apply`, {
      phone: true,
      act: async (page) => {
        await page.getByLabel('证件号码').fill('110105194912310021');
        await page.getByRole('button', { name: '提交申请' }).click();
      },
    });
    await shoot('09-receipt', `${a}/apply?type=organisation`, {
      act: async (page) => {
        await page.getByLabel('单位类型').selectOption('legalService');
        await page.getByLabel('单位名称').fill('示范律师事务所');
        await page.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
        await page.getByLabel('联系人姓名').fill('李律师');
        await page.getByLabel('联系电话').fill('0599-83601234');
        await page.getByLabel('所需政府信息的描述').fill('2024年行政处罚决定书目录');
        await page.getByLabel('获取信息的形式').selectOption('electronic');
        await page.getByLabel('获取信息的方式').selectOption('email');
        await page.getByRole('button', { name: '提交申请' }).click();
      },
    });
    await shoot('10-reports', `${a}/reports/2024`);
    await shoot('11-large-text-phone', `${a}?text=large`, { phone: true });
    await shoot('12-checker', '/checker');
    await shoot('13-office-login', '/office/login');
    await shoot('14-office-dashboard', '/office', { as: 'clerk' });
    await shoot('15-office-application', '/office', {
      as: 'clerk',
      act: async (page) => {
        await page.locator('table a[href^="/office/applications/"]').first().click();
      },
    });
    await shoot('16-office-catalogue', '/office/catalogue', { as: 'reviewer' });
    await shoot('17-office-report', '/office/reports', { as: 'admin' });
    await shoot('18-office-letter-templates', '/office/letters/templates', { as: 'admin' });
    await shoot('19-office-checker', '/office/checker', { as: 'supervisor' });
    await shoot('20-office-audit', '/office/audit', { as: 'admin' });
  } finally {
    await world.close();
    await closeRenderer();
  }
}

await main();
