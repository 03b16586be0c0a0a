/**
 * WCAG 2.1 AA in a real browser: axe-core (from node_modules, injected into each page) on the portal's and the office's
 * pages, at desktop and phone width, in normal and larger text; then the keyboard (skip link, visible focus), the
 * page language and the larger-text switch (WCAG 1.4.4, 2.1.1, 2.4.1, 2.4.7, 3.1.1).
 */
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/schema.ts';
import { renderReportJson } from '../../src/modules/annual-report/render/json.ts';
import { buildAnnualReport } from '../../src/modules/annual-report/use-cases/build-annual-report.ts';
import { DEMO_PASSWORDS, demoUsername } from '../../src/modules/demo/seed-demo.ts';
import { SEED } from '../support/paths.ts';
import { SEARCHABLE_TITLE, startE2eWorld, type E2eWorld } from './e2e-server.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const REPORT_YEAR = 2024;

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 667 } } as const;
type Viewport = keyof typeof VIEWPORTS;
type TextSize = 'normal' | 'large';

interface AxeNode {
  readonly target: readonly unknown[];
  readonly html: string;
  readonly failureSummary?: string;
}
interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly AxeNode[];
}

let world: E2eWorld;
beforeAll(async () => {
  world = await startE2eWorld({
    afterSeed: async (db, agencyId) => {
      const report = await buildAnnualReport({ db }, { agencyId, year: REPORT_YEAR });
      if (!report) throw new Error('the demo data should give a 2024 report');
      const at = '2025-01-20T02:00:00.000Z';
      await db
        .insertInto('annual_reports')
        .values({ agency_id: agencyId, year: REPORT_YEAR, format: report.format, version: 1, status: 'published', report_json: renderReportJson(report), published_at: at, created_at: at })
        .execute();
    },
  });
}, 180_000);
afterAll(async () => world?.close());

async function newContext(viewport: Viewport, text: TextSize): Promise<BrowserContext> {
  // bypassCSP: the server's CSP rightly refuses inline script; axe is injected by the test, not served
  const context = await world.browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'zh-CN', bypassCSP: true });
  // nothing may come from outside the server
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  if (text === 'large') {
    const page = await context.newPage();
    await page.goto(`${world.baseUrl}/?text=large`);
    await page.close();
  }
  return context;
}

async function signIn(context: BrowserContext, role: Role): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${world.baseUrl}/office/login`);
  await page.getByLabel('用户名').fill(demoUsername(world.agencyCode, role));
  await page.getByLabel('密码').fill(DEMO_PASSWORDS[role]);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/office$/);
  await page.close();
}

/** The axe violations of the page as it stands, for the WCAG 2.0/2.1 A and AA rules. */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // into every frame too, so axe would also read the content of any frame a page has
  for (const frame of page.frames()) await frame.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }));
  }, AXE_TAGS);
}

function describeViolations(where: string, violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `${where}: [${v.impact ?? '?'}] ${v.id} — ${v.help} (${v.nodes.length})\n${nodes}`;
    })
    .join('\n');
}

interface Target {
  readonly name: string;
  readonly path: () => string;
  /** a staff member signed in first */
  readonly as?: Role;
  /** what to do on the page before the audit (fill a form, send it) */
  readonly act?: (page: Page) => Promise<void>;
}

const a = () => `/a/${world.agencyCode}`;

async function sendEmpty(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.waitForLoadState('load');
}

const TARGETS: readonly Target[] = [
  { name: 'region home', path: () => '/' },
  { name: 'agency home', path: a },
  { name: 'guide', path: () => `${a()}/guide` },
  { name: 'catalogue', path: () => `${a()}/catalogue?category=7` },
  { name: 'search results', path: () => `${a()}/search?q=${encodeURIComponent('预算')}` },
  {
    name: 'item page',
    path: () => `${a()}/search?q=${encodeURIComponent('预算')}`,
    act: async (page) => {
      await page.getByRole('link', { name: SEARCHABLE_TITLE }).click();
      await page.waitForLoadState('load');
    },
  },
  { name: 'annual reports list', path: () => `${a()}/reports` },
  { name: 'annual report', path: () => `${a()}/reports/${REPORT_YEAR}` },
  { name: 'application form (person)', path: () => `${a()}/apply` },
  { name: 'application form (person) with errors', path: () => `${a()}/apply`, act: (page) => sendEmpty(page, '提交申请') },
  { name: 'application form (organisation)', path: () => `${a()}/apply?type=organisation` },
  { name: 'application form (organisation) with errors', path: () => `${a()}/apply?type=organisation`, act: (page) => sendEmpty(page, '提交申请') },
  {
    name: 'receipt',
    path: () => `${a()}/apply`,
    act: async (page) => {
      await page.getByLabel('姓名').fill('无障碍测试');
      await page.getByLabel('证件号码').fill('11010519491231002X');
      await page.getByLabel('联系电话').fill('13912345678');
      await page.getByLabel('所需政府信息的描述').fill('2024年部门决算');
      await page.getByLabel('获取信息的形式').selectOption('electronic');
      await page.getByLabel('获取信息的方式').selectOption('email');
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.getByTestId('tracking-code').waitFor();
    },
  },
  { name: 'status lookup', path: () => '/status' },
  { name: 'public checker', path: () => '/checker' },
  {
    name: 'checker results',
    path: () => '/checker',
    act: async (page) => {
      await page.setInputFiles('#files', SEED);
      await page.getByRole('button', { name: '检查' }).click();
      await page.getByRole('heading', { level: 1, name: '检查结果' }).waitFor();
    },
  },
  { name: 'office login', path: () => '/office/login' },
  { name: 'office dashboard', path: () => '/office', as: 'clerk' },
  { name: 'office registration form', path: () => '/office/applications/new', as: 'clerk' },
  { name: 'office registration form with errors', path: () => '/office/applications/new', as: 'clerk', act: (page) => sendEmpty(page, '登记') },
  { name: 'office audit log', path: () => '/office/audit', as: 'admin' },
  { name: 'office audit log with a bad date', path: () => '/office/audit?from=2025-02-30', as: 'admin' },
];

const MODES = (['desktop', 'phone'] as const).flatMap((viewport) => (['normal', 'large'] as const).map((text) => ({ viewport, text })));

describe.each(MODES)('axe, WCAG 2.1 A and AA, $viewport, $text text', ({ viewport, text }) => {
  const contexts = new Map<string, BrowserContext>();
  const contextFor = async (as: Role | undefined): Promise<BrowserContext> => {
    const key = as ?? 'public';
    let context = contexts.get(key);
    if (!context) {
      context = await newContext(viewport, text);
      if (as) await signIn(context, as);
      contexts.set(key, context);
    }
    return context;
  };
  afterAll(async () => {
    for (const c of contexts.values()) await c.close();
  });

  it.each(TARGETS)('$name has no violations', async (target) => {
    const context = await contextFor(target.as);
    const page = await context.newPage();
    try {
      const response = await page.goto(world.baseUrl + target.path());
      expect(response?.status(), target.name).toBeLessThan(500);
      await target.act?.(page);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(`${target.name} (${viewport}, ${text} text) ${page.url()}`, violations)).toEqual([]);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      // WCAG 1.4.10: at a phone's width the page itself never scrolls sideways (a wide table scrolls in its own box)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${target.name} is ${overflow}px wider than the ${viewport} viewport`).toBeLessThanOrEqual(0);
    } finally {
      await page.close();
    }
  }, 60_000);
});

async function publicPage(viewport: Viewport = 'desktop'): Promise<Page> {
  const context = await newContext(viewport, 'normal');
  return context.newPage();
}

interface FocusStop {
  readonly what: string;
  readonly visible: boolean;
}

/** Tabs through the page from the top; for each stop, whether its focus can be seen (an outline or a ring). */
async function tabThrough(page: Page, max = 250): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  const seen = new Set<unknown>();
  // start from the top: focusing the body moves the browser's sequential-navigation starting point there
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const ring = style.boxShadow !== 'none';
      if (!el.dataset['tabStop']) el.dataset['tabStop'] = String(Math.random());
      const name = (el as HTMLInputElement).name || el.id || el.textContent?.trim().slice(0, 20) || '';
      return { key: el.dataset['tabStop'], what: `${el.tagName.toLowerCase()} ${name}`, visible: outline || ring };
    });
    if (stop === null || seen.has(stop.key)) break;
    seen.add(stop.key);
    stops.push({ what: stop.what, visible: stop.visible });
  }
  return stops;
}

/** The form controls a person can use: enabled, shown, not hidden inputs. */
function usableControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('input, select, textarea, button'))
      .filter((el) => !(el as HTMLInputElement).disabled && (el as HTMLInputElement).type !== 'hidden' && el.getClientRects().length > 0)
      .map((el) => `${el.tagName.toLowerCase()} ${(el as HTMLInputElement).name || el.id || el.textContent?.trim().slice(0, 20) || ''}`),
  );
}

describe('the keyboard, the language and the text size', () => {
  const KEYBOARD_TARGETS = TARGETS.filter((t) => !t.act || /with errors|bad date|results/.test(t.name));
  const contexts = new Map<string, BrowserContext>();
  const contextFor = async (as: Role | undefined): Promise<BrowserContext> => {
    let context = contexts.get(as ?? 'public');
    if (!context) {
      context = await newContext('desktop', 'normal');
      if (as) await signIn(context, as);
      contexts.set(as ?? 'public', context);
    }
    return context;
  };
  afterAll(async () => {
    for (const c of contexts.values()) await c.close();
  });

  it.each(KEYBOARD_TARGETS)('$name: the skip link comes first and leads to the content; every control is reached by Tab, its focus visible', async (target) => {
    const page = await (await contextFor(target.as)).newPage();
    try {
      await page.goto(world.baseUrl + target.path());
      await target.act?.(page);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const box = el.getBoundingClientRect();
        return { text: el.textContent, href: el.getAttribute('href'), onScreen: box.width > 0 && box.left >= 0 && box.top >= 0 };
      });
      expect(first).toEqual({ text: '跳到正文', href: '#main', onScreen: true });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');

      const stops = await tabThrough(page);
      expect(stops.length).toBeGreaterThan(3);
      const unseen = stops.filter((s) => !s.visible);
      expect(unseen.map((s) => s.what), 'stops without a visible focus indicator').toEqual([]);
      const reached = new Set(stops.map((s) => s.what));
      expect((await usableControls(page)).filter((c) => !reached.has(c)), 'controls Tab never reaches').toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('gives every page its own title', async () => {
    const titles = new Map<string, string>();
    for (const target of TARGETS) {
      const page = await (await contextFor(target.as)).newPage();
      await page.goto(world.baseUrl + target.path());
      await target.act?.(page);
      titles.set(target.name, await page.title());
      await page.close();
    }
    const byTitle = new Map<string, string[]>();
    for (const [name, title] of titles) byTitle.set(title, [...(byTitle.get(title) ?? []), name]);
    expect([...byTitle].filter(([, names]) => names.length > 1)).toEqual([]);
    for (const [name, title] of titles) {
      expect(title.trim().length, name).toBeGreaterThan(4);
      expect(title.startsWith('错误'), `${name}: ${title}`).toBe(/with errors|bad date/.test(name));
    }
  }, 120_000);

  it('the larger-text switch enlarges the body text, keeps it on the next pages, and switches back', async () => {
    const page = await publicPage('phone');
    const bodySize = async () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    try {
      await page.goto(`${world.baseUrl}${a()}`);
      const normal = await bodySize();
      await page.getByRole('link', { name: '大字号' }).click();
      await page.waitForLoadState('load');
      const large = await bodySize();
      expect(large).toBeGreaterThanOrEqual(normal * 1.2);
      for (const path of [`${a()}/guide`, '/status', '/office/login', '/checker']) {
        await page.goto(world.baseUrl + path);
        expect(await bodySize(), path).toBe(large);
        expect(await page.getByRole('link', { name: '标准字号' }).count(), path).toBe(1);
      }
      await page.getByRole('link', { name: '标准字号' }).click();
      await page.waitForLoadState('load');
      expect(await bodySize()).toBe(normal);
      await page.goto(`${world.baseUrl}${a()}/catalogue`);
      expect(await bodySize()).toBe(normal);
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
