/**
 * A portal on a real, migrated database with a small known world: a city government, its finance bureau with a
 * disclosure office, published and draft catalogue items (one with script in its title), and one published annual
 * report. The clock stands still on 2025-03-10 (a Monday).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
import { buildServer } from '../../src/http/server.ts';
import type { RateLimitOptions } from '../../src/http/rate-limit.ts';
import type { AgencyView } from '../../src/modules/agencies/agency-view.ts';
import { createAgency } from '../../src/modules/agencies/use-cases/create-agency.ts';
import { renderReportJson } from '../../src/modules/annual-report/render/json.ts';
import { fixedClock, type UseCaseContext } from '../../src/modules/applications/use-cases/context.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { createCatalogueItem } from '../../src/modules/catalogue/use-cases/create-catalogue-item.ts';
import { publishCatalogueItem } from '../../src/modules/catalogue/use-cases/publish-catalogue-item.ts';
import { submitCatalogueItem } from '../../src/modules/catalogue/use-cases/submit-catalogue-item.ts';
import { buildValidReport } from '../factories/report-factory.ts';
import type { TestDatabaseTarget, TestDatabase } from '../support/databases.ts';

export const TODAY = '2025-03-10';
export const HOSTILE = '<script>alert("x")</script>';
export const VALID_ID = '11010519491231002X';
export const VALID_CREDIT_CODE = '91350100M000100Y43';

export interface PortalWorld {
  readonly city: AgencyView;
  readonly bureau: AgencyView;
  /** item ids by a short name */
  readonly items: { readonly budget: number; readonly procurement: number; readonly hostile: number; readonly draft: number };
  readonly reportYear: number;
}

const calendar = loadCalendar();

export async function seedPortalWorld(db: Kysely<Database>): Promise<PortalWorld> {
  const clock = fixedClock(TODAY);
  const system = { kind: 'system', name: 'test' } as const;
  const city = await createAgency({ db, actor: system, clock }, { code: 'demo-city', name: '示范市人民政府', kind: 'government', level: 'municipal', regionCode: '329900' });
  const bureau = await createAgency(
    { db, actor: system, clock },
    {
      code: 'demo-czj',
      name: '示范市财政局',
      kind: 'department',
      level: 'municipal',
      regionCode: '329900',
      parentId: city.id,
      office: { name: '示范市财政局办公室', address: '示范市人民路1号', phone: '0599-83601234', hours: '工作日 9:00-17:00', email: 'gk@demo.example.gov.cn' },
    },
  );
  const editor = { kind: 'staff', userId: 1, name: '测试编辑', roles: [{ agencyId: bureau.id, role: 'clerk' }, { agencyId: bureau.id, role: 'reviewer' }] } as const;
  const ctx: UseCaseContext = { db, actor: editor, clock, calendar };
  const item = async (fields: Record<string, unknown>, publish = true) => {
    const created = await createCatalogueItem(ctx, { agencyId: bureau.id, body: '正文。', ...fields });
    if (!publish) return created.id;
    await submitCatalogueItem(ctx, { itemId: created.id });
    await publishCatalogueItem(ctx, { itemId: created.id, on: TODAY });
    return created.id;
  };
  const budget = await item({
    title: '示范市财政局2025年部门预算公开说明',
    summary: '2025年部门预算及“三公”经费预算情况',
    body: '根据预算法，现将本局2025年部门预算公开如下。\n一、收支预算总体情况。',
    category: 7,
    issuingBody: '示范市财政局',
    writtenOn: '2025-03-03',
    docNumber: '示财〔2025〕3号',
    validity: 'valid',
  });
  const procurement = await item({ title: '2025年政府集中采购目录及标准', body: '集中采购机构采购项目。', category: 9, issuingBody: '示范市人民政府办公室', validity: 'expired' });
  const hostile = await item({ title: `${HOSTILE}采购公告`, body: `正文里也有${HOSTILE}`, category: 15, issuingBody: HOSTILE });
  const draft = await item({ title: '尚未发布的预算草稿', body: '草稿', category: 7 }, false);

  const report = { ...buildValidReport(7, '2021'), agency: bureau.name, year: 2024 };
  await db
    .insertInto('annual_reports')
    .values({ agency_id: bureau.id, year: 2024, format: '2021', version: 1, status: 'published', report_json: renderReportJson(report), published_at: '2025-01-20T02:00:00.000Z', created_at: '2025-01-20T02:00:00.000Z' })
    .execute();
  return { city, bureau, items: { budget, procurement, hostile, draft }, reportYear: 2024 };
}

export interface Portal {
  readonly app: FastifyInstance;
  readonly db: Kysely<Database>;
  readonly world: PortalWorld;
}

/** Opens a database, seeds the world and builds the server for the enclosing describe block. */
export function usePortal(target: TestDatabaseTarget, options: { rateLimit?: RateLimitOptions } = {}): Portal {
  let handle: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  let world: PortalWorld | undefined;
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'gongkai-portal-files-'));
  beforeAll(async () => {
    handle = await target.open();
    world = await seedPortalWorld(handle.db);
    app = await buildServer({ db: handle.db, clock: fixedClock(TODAY), calendar, attachmentsDir, rateLimit: options.rateLimit ?? { capacity: 10_000, refillPerMinute: 10_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the portal is opened in beforeAll');
    return v;
  };
  return {
    get app() {
      return need(app);
    },
    get db() {
      return need(handle).db;
    },
    get world() {
      return need(world);
    },
  };
}

/** The CSRF token of a form page and the cookie that goes with it. */
export async function formSession(app: FastifyInstance, url: string): Promise<{ token: string; cookie: string }> {
  const res = await app.inject({ method: 'GET', url });
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
  const cookie = String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  return { token, cookie };
}

export async function postForm(app: FastifyInstance, url: string, fields: Record<string, string>, session: { cookie: string } | null) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(session ? { cookie: session.cookie } : {}) },
    payload: new URLSearchParams(fields).toString(),
  });
}

export async function countApplications(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A natural person's application as the portal form posts it. */
export function personFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'applicant.type': 'naturalPerson',
    'applicant.name': '张三',
    'applicant.idType': '居民身份证',
    'applicant.idNumber': VALID_ID,
    'applicant.phone': '13812345678',
    'applicant.email': '',
    'applicant.address': '',
    description: '示范市财政局2024年部门决算',
    purpose: '',
    form: 'electronic',
    delivery: 'email',
    ...overrides,
  };
}

export function organisationFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'applicant.type': 'organisation',
    'applicant.orgType': 'legalService',
    'applicant.name': '示范律师事务所',
    'applicant.creditCode': VALID_CREDIT_CODE,
    'applicant.legalRepresentative': '',
    'applicant.contactName': '李四',
    'applicant.phone': '0599-83601234',
    'applicant.email': '',
    'applicant.address': '',
    description: '2024年行政处罚决定书',
    purpose: '',
    form: 'paper',
    delivery: 'post',
    ...overrides,
  };
}
