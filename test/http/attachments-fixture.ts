/**
 * For the attachment tests: the portal's world (a city and its finance bureau, published and draft items), one
 * application in each agency, a catalogue item of the city, staff of every role, files kept in a temporary folder
 * and the smallest upload limit MAX_UPLOAD_MB allows (1 MB). Also a multipart body as a browser sends it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
import { buildServer } from '../../src/http/server.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { registerApplication } from '../../src/modules/applications/use-cases/register-application.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { createCatalogueItem } from '../../src/modules/catalogue/use-cases/create-catalogue-item.ts';
import { publishCatalogueItem } from '../../src/modules/catalogue/use-cases/publish-catalogue-item.ts';
import { submitCatalogueItem } from '../../src/modules/catalogue/use-cases/submit-catalogue-item.ts';
import { insertUser } from '../factories/user-factory.ts';
import type { TestDatabase, TestDatabaseTarget } from '../support/databases.ts';
import { TODAY, VALID_ID, seedPortalWorld, type PortalWorld } from './portal-fixture.ts';

/** The upload limit of these servers, in bytes (MAX_UPLOAD_MB=1). */
export const MAX_UPLOAD = 1024 * 1024;
export const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** The start of a Windows executable (MZ). */
export const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

export interface FilePart {
  readonly field?: string;
  readonly filename: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

/** A multipart/form-data body: the text fields first, then the files (field `file` unless named). */
export function multipartBody(fields: Readonly<Record<string, string>>, files: readonly FilePart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----gongkai${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.filename}"\r\nContent-Type: ${f.mime}\r\n\r\n`));
    chunks.push(Buffer.from(f.bytes), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function attachmentRows(db: Kysely<Database>): Promise<number> {
  return Number((await db.selectFrom('attachments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

/** Files under the store's folder (content-addressed: <dir>/ab/cd/<sha256>), temporary files included. */
export function storedFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

/** Runs `act` and checks that it stored nothing: no attachment row, no file in the store. */
export async function storesNothing<T>(w: { readonly db: Kysely<Database>; readonly dir: string }, act: () => Promise<T>): Promise<T> {
  const rows = await attachmentRows(w.db);
  const files = storedFiles(w.dir).sort();
  const result = await act();
  expect(await attachmentRows(w.db)).toBe(rows);
  expect(storedFiles(w.dir).sort()).toEqual(files);
  return result;
}

export interface AttachmentsWorld {
  readonly app: FastifyInstance;
  readonly db: Kysely<Database>;
  readonly world: PortalWorld;
  /** the store's folder */
  readonly dir: string;
  /** an application of the bureau, and one of the city (another agency) */
  readonly applicationId: number;
  readonly cityApplicationId: number;
  /** a published item of the city (another agency on the portal) */
  readonly cityItemId: number;
  /** a bureau item in review */
  readonly reviewItemId: number;
  /** usernames by role: bureau clerk, reviewer, admin; city clerk; city supervisor (reads the bureau, writes nothing) */
  readonly users: { readonly clerk: string; readonly reviewer: string; readonly admin: string; readonly cityClerk: string; readonly supervisor: string };
}

export function useAttachmentsWorld(target: TestDatabaseTarget, label: string): AttachmentsWorld {
  let handle: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-attachments-http-'));
  const state = { world: undefined as PortalWorld | undefined, applicationId: 0, cityApplicationId: 0, cityItemId: 0, reviewItemId: 0 };
  const users = {
    clerk: `att-clerk-${label}-${target.name}`,
    reviewer: `att-reviewer-${label}-${target.name}`,
    admin: `att-admin-${label}-${target.name}`,
    cityClerk: `att-city-${label}-${target.name}`,
    supervisor: `att-super-${label}-${target.name}`,
  };
  beforeAll(async () => {
    handle = await target.open();
    const db = handle.db;
    const world = await seedPortalWorld(db);
    state.world = world;
    const bureau = world.bureau.id;
    const city = world.city.id;
    const clerk = await insertUser(db, [{ agencyId: bureau, role: 'clerk' }], { username: users.clerk });
    await insertUser(db, [{ agencyId: bureau, role: 'reviewer' }], { username: users.reviewer });
    await insertUser(db, [{ agencyId: bureau, role: 'admin' }], { username: users.admin });
    const cityClerk = await insertUser(db, [{ agencyId: city, role: 'clerk' }, { agencyId: city, role: 'reviewer' }], { username: users.cityClerk });
    await insertUser(db, [{ agencyId: city, role: 'supervisor' }], { username: users.supervisor });
    const clock = fixedClock(TODAY);
    const calendar = loadCalendar();
    const register = async (actor: typeof clerk.actor, agencyId: number) =>
      (
        await registerApplication({ db, actor, clock, calendar }, {
          agencyId,
          form: { applicant: { type: 'naturalPerson', name: '张三', idNumber: VALID_ID, phone: '13812345678' }, description: '2024年部门决算', form: 'paper', delivery: 'post' },
          intake: { channel: 'inPerson', handedInOn: TODAY },
        })
      ).applicationId;
    state.applicationId = await register(clerk.actor, bureau);
    state.cityApplicationId = await register(cityClerk.actor, city);
    const cityCtx = { db, actor: cityClerk.actor, clock, calendar };
    const cityItem = await createCatalogueItem(cityCtx, { agencyId: city, title: '示范市人民政府工作报告', body: '正文', category: 1 });
    await submitCatalogueItem(cityCtx, { itemId: cityItem.id });
    await publishCatalogueItem(cityCtx, { itemId: cityItem.id, on: TODAY });
    state.cityItemId = cityItem.id;
    const bureauCtx = { db, actor: clerk.actor, clock, calendar };
    const review = await createCatalogueItem(bureauCtx, { agencyId: bureau, title: '待审核的采购意向', body: '正文', category: 9 });
    await submitCatalogueItem(bureauCtx, { itemId: review.id });
    state.reviewItemId = review.id;
    app = await buildServer({ db, clock, calendar, attachmentsDir: dir, maxUploadBytes: MAX_UPLOAD, rateLimit: { capacity: 10_000, refillPerMinute: 10_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the world is built in beforeAll');
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
      return need(state.world);
    },
    dir,
    get applicationId() {
      return state.applicationId;
    },
    get cityApplicationId() {
      return state.cityApplicationId;
    },
    get cityItemId() {
      return state.cityItemId;
    },
    get reviewItemId() {
      return state.reviewItemId;
    },
    users,
  };
}
