/**
 * The browser tests' world: the real server in this process on a free port, a temporary SQLite database seeded with
 * the demo data (ensureDemoData), one catalogue item published through the catalogue use cases, and Debian's
 * Chromium driven by playwright-core. Nothing is fetched from the network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { createDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/http/server.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { createCatalogueItem } from '../../src/modules/catalogue/use-cases/create-catalogue-item.ts';
import { publishCatalogueItem } from '../../src/modules/catalogue/use-cases/publish-catalogue-item.ts';
import { submitCatalogueItem } from '../../src/modules/catalogue/use-cases/submit-catalogue-item.ts';
import { ensureDemoData } from '../../src/modules/demo/seed-demo.ts';

/** A Monday inside the shipped holiday data, so every date on the pages is fixed. */
export const E2E_TODAY = '2025-06-16';
export const SEARCHABLE_TITLE = '示范市2025年部门预算执行情况公告';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export interface E2eWorld {
  readonly baseUrl: string;
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface E2eOptions {
  /** More seeding after the demo data (the screenshots publish an annual report). */
  readonly afterSeed?: (db: DatabaseHandle['db'], agencyId: number) => Promise<void>;
}

export async function startE2eWorld(options: E2eOptions = {}): Promise<E2eWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  let handle: DatabaseHandle | undefined;
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await app?.close();
    await handle?.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    handle = createDatabase(`sqlite:${join(dir, 'e2e.db')}`);
    await migrateToLatest(handle.db);
    const calendar = loadCalendar();
    await ensureDemoData(handle.db, { today: E2E_TODAY, calendar });
    const agency = await handle.db.selectFrom('agencies').select(['id', 'code', 'name']).where('kind', '=', 'department').orderBy('id').executeTakeFirstOrThrow();
    await publishSearchableItem(handle, agency.id, calendar);
    await options.afterSeed?.(handle.db, agency.id);
    app = await buildServer({ db: handle.db, clock: fixedClock(E2E_TODAY), calendar, attachmentsDir: join(dir, 'attachments') });
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    return { baseUrl, agencyCode: agency.code, agencyName: agency.name, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function publishSearchableItem(handle: DatabaseHandle, agencyId: number, calendar: ReturnType<typeof loadCalendar>): Promise<void> {
  const actor = { kind: 'staff', userId: 1, name: '示范编辑', roles: [{ agencyId, role: 'clerk' }, { agencyId, role: 'reviewer' }] } as const;
  const ctx = { db: handle.db, actor, clock: fixedClock(E2E_TODAY), calendar };
  const item = await createCatalogueItem(ctx, {
    agencyId,
    title: SEARCHABLE_TITLE,
    summary: '上半年预算执行情况',
    body: '现将本年度预算执行情况公告如下。',
    category: 7,
    issuingBody: '示范市财政局',
    writtenOn: '2025-06-10',
    validity: 'valid',
  });
  await submitCatalogueItem(ctx, { itemId: item.id });
  await publishCatalogueItem(ctx, { itemId: item.id, on: E2E_TODAY });
}
