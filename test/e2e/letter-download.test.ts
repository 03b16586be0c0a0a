/**
 * In Chromium: a clerk has replied to an application (seeded through the use cases); the applicant looks it up on the
 * status page with the tracking code and secret from the receipt and downloads the reply letter as PDF and as Word.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/modules/annual-report/domain/labels.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { registerApplication } from '../../src/modules/applications/use-cases/register-application.ts';
import { reply } from '../../src/modules/applications/use-cases/reply.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { issuePendingLetters } from '../../src/modules/letters/use-cases/issue-pending-letters.ts';
import { E2E_TODAY, startE2eWorld, type E2eWorld } from './e2e-server.ts';

let world: E2eWorld;
const receipt = { code: '', secret: '' };

beforeAll(async () => {
  world = await startE2eWorld({
    afterSeed: async (db, agencyId) => {
      const calendar = loadCalendar();
      const clock = fixedClock(E2E_TODAY);
      const applied = await registerApplication(
        { db, actor: { kind: 'public' }, clock, calendar },
        { agencyId, form: { applicant: { type: 'naturalPerson', name: '王小明', idNumber: '11010519491231002X', phone: '13912345678' }, description: '2024年部门决算及说明', form: 'electronic', delivery: 'email' } },
      );
      const clerk = { kind: 'staff', userId: 1, name: '示范经办', roles: [{ agencyId, role: 'clerk' }] } as const;
      const ctx = { db, actor: clerk, clock, calendar };
      await reply(ctx, { applicationId: applied.applicationId, outcome: 'unavailable.notHeld', legalBasis: '《条例》第三十六条第（四）项' });
      await issuePendingLetters(ctx, { applicationId: applied.applicationId });
      receipt.code = applied.trackingCode;
      receipt.secret = applied.secret;
    },
  });
}, 180_000);
afterAll(async () => world?.close());

async function lookUp(): Promise<Page> {
  const context = await world.browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${world.baseUrl}/status`);
  await page.getByLabel('查询码').fill(receipt.code);
  await page.getByLabel('查询密码').fill(receipt.secret);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  expect(await page.getByTestId('status-label').textContent()).toBe('已答复');
  return page;
}

async function downloadBytes(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

describe('the applicant downloads the reply letter from the status page', () => {
  it('as PDF, whose text is the reply', async () => {
    const page = await lookUp();
    const { download, bytes } = await downloadBytes(page, '下载政府信息公开申请答复书（PDF）');
    expect(download.suggestedFilename()).toBe(`政府信息公开申请答复书-${receipt.code}.pdf`);
    const text = normaliseText(execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString('utf8')).replace(/\s+/g, '');
    expect(text).toContain('政府信息公开申请答复书');
    expect(text).toContain('王小明');
    expect(text).toContain('本机关不掌握相关政府信息');
    await page.context().close();
  }, 60_000);

  it('as Word, whose text is the reply', async () => {
    const page = await lookUp();
    const { download, bytes } = await downloadBytes(page, '下载政府信息公开申请答复书（Word）');
    expect(download.suggestedFilename()).toBe(`政府信息公开申请答复书-${receipt.code}.docx`);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('政府信息公开申请答复书');
    expect(text).toContain('办理结果：本机关不掌握相关政府信息（');
    expect(text).toContain('行政复议');
    await page.context().close();
  }, 60_000);
});
