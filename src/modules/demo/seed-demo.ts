/**
 * Demo data: a city, its counties and their departments, staff with every role and known passwords, catalogue items,
 * and applications over a span of years answered as real offices answer them. Small demos go through the
 * applications use cases (each application registered and replied to, with its audit entries); big runs write the
 * same rows in bulk, computed by the same life-cycle domain (demo-rows.ts), in transactions of a few thousand rows.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../db/migrations/columns.ts';
import { rng } from '../../../test/factories/report-factory.ts';
import { buildUser } from '../../../test/factories/user-factory.ts';
import type { Database, NewAgency, Role } from '../../db/schema.ts';
import type { WorkingCalendar } from '../calendar/domain/calendar.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { fixedClock } from '../applications/use-cases/context.ts';
import { registerApplication } from '../applications/use-cases/register-application.ts';
import { reply } from '../applications/use-cases/reply.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { hashPassword } from '../accounts/password-hash.ts';
import { ROLE_LABELS, ROLES, type StaffActor } from '../accounts/policy.ts';
import { planApplication, receiptDays, weighted, type DemoApplicationPlan, type PlanContext } from './demo-applications.ts';
import { insertCatalogueInBulk, planCatalogueItems, publishThroughUseCases, type CatalogueItemPlan } from './demo-catalogue.ts';
import { DEMO_CITY, MAX_DEMO_AGENCIES, planDemoAgencies } from './demo-hierarchy.ts';
import { demoRows, demoSecret, demoTrackingCode } from './demo-rows.ts';
import { countAgencies, insertAgencies, insertApplications, insertUserRoles, insertUsers } from './demo.repository.ts';
import { attachDemoAnnexes, type DemoAttachments } from './demo-attachments.ts';

/** The demo's passwords, one per role: published on purpose (README, `gongkai demo` output). */
export const DEMO_PASSWORDS: Readonly<Record<Role, string>> = {
  clerk: 'gongkai-clerk',
  reviewer: 'gongkai-reviewer',
  admin: 'gongkai-admin',
  supervisor: 'gongkai-supervisor',
};

export const MAX_DEMO_APPLICATIONS = 10_000_000;
/** Up to this many applications go through the use cases; more are written in bulk. */
export const USE_CASE_LIMIT = 2_000;
const BATCH = 10_000;

export interface SeedDemoOptions {
  readonly agencies: number;
  readonly applications: number;
  /** First and last year of receipt, inclusive. */
  readonly years: readonly [number, number];
  readonly seed?: number;
  /** Nothing happens after this day (YYYY-MM-DD); default today (UTC). */
  readonly today?: string;
  /** Default: use cases up to USE_CASE_LIMIT applications, bulk above. */
  readonly via?: 'useCases' | 'bulk';
  readonly calendar?: WorkingCalendar;
  /** Called after each batch of applications. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Where uploads are kept: given, the newest published items of each agency get a demo annex (附件). */
  readonly attachments?: DemoAttachments;
}

export interface DemoLogin {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly agencyCode: string;
  readonly agencyName: string;
}

export interface DemoSummary {
  readonly agencies: readonly { readonly id: number; readonly code: string; readonly name: string }[];
  readonly logins: readonly DemoLogin[];
  readonly users: number;
  readonly catalogueItems: number;
  readonly applications: number;
  readonly via: 'useCases' | 'bulk';
  readonly seconds: number;
}

/** The demo cannot be added: the database already holds it, or the options make no sense. Message in Chinese. */
export class DemoRefused extends Error {
  override readonly name = 'DemoRefused';
}

export function demoUsername(agencyCode: string, role: Role): string {
  return `${agencyCode}-${role}`;
}

function checkOptions(o: SeedDemoOptions, calendar: WorkingCalendar, today: string): void {
  if (!Number.isInteger(o.agencies) || o.agencies < 1 || o.agencies > MAX_DEMO_AGENCIES) {
    throw new DemoRefused(`机关数量应为 1 到 ${MAX_DEMO_AGENCIES} 之间的整数`);
  }
  if (!Number.isInteger(o.applications) || o.applications < 0 || o.applications > MAX_DEMO_APPLICATIONS) {
    throw new DemoRefused(`申请数量应为 0 到 ${MAX_DEMO_APPLICATIONS} 之间的整数`);
  }
  const [from, to] = o.years;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) throw new DemoRefused('年份范围应写作“起始年-结束年”，如 2023-2024');
  if (from < calendar.years.from || to > calendar.years.to) {
    throw new DemoRefused(`节假日数据只覆盖 ${calendar.years.from} 至 ${calendar.years.to} 年，示范数据的年份应在此范围内`);
  }
  if (`${from}-01-01` > today) throw new DemoRefused(`起始年份 ${from} 晚于今天（${today}）`);
}

/** Seeds the demo into a migrated database that does not hold it yet. */
export async function seedDemo(db: Kysely<Database>, options: SeedDemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const calendar = options.calendar ?? loadCalendar();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  checkOptions(options, calendar, today);
  const random = rng(options.seed ?? 2019);
  const createdAt = `${options.years[0]}-01-01T00:00:00.000Z`;

  const plan = planDemoAgencies(options.agencies, createdAt);
  const exists = await db.selectFrom('agencies').select('id').where('code', '=', plan[0]!.row.code).executeTakeFirst();
  if (exists) throw new DemoRefused(`数据库中已有示范数据（机关代码 ${DEMO_CITY.regionCode}）；如需重新生成，请换一个空数据库（DATABASE_URL）`);

  // One hash per role password (scrypt takes tens of ms; thousands of demo users would take minutes). The
  // passwords are public anyway; real accounts each get their own salt (create-user.ts).
  const hashes = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await hashPassword(DEMO_PASSWORDS[role])] as const))) as Record<Role, string>;

  const { agencies, userIds } = await db.transaction().execute(async (trx) => {
    const ids = new Map<string, number>();
    // Parents before children: the city, then its counties, then every department.
    const levels = [
      plan.filter((a) => a.parentCode === null),
      plan.filter((a) => a.parentCode !== null && a.row.kind === 'government'),
      plan.filter((a) => a.row.kind === 'department'),
    ];
    for (const level of levels) {
      const batch: NewAgency[] = level.map((a) => ({ ...a.row, parent_id: a.parentCode === null ? null : ids.get(a.parentCode)! }));
      for (const [code, id] of await insertAgencies(trx, batch)) ids.set(code, id);
    }
    const agencies = plan.map((a) => ({ id: ids.get(a.row.code)!, code: a.row.code, name: a.row.name, kind: a.row.kind, regionCode: a.row.region_code! }));
    const users = agencies.flatMap((a) =>
      ROLES.map((role) => buildUser({ username: demoUsername(a.code, role), display_name: `${a.name}${ROLE_LABELS[role]}`, password_hash: hashes[role], created_at: createdAt })),
    );
    const userIds = await insertUsers(trx, users);
    await insertUserRoles(
      trx,
      agencies.flatMap((a) => ROLES.map((role) => ({ user_id: userIds.get(demoUsername(a.code, role))!, agency_id: a.id, role }))),
    );
    return { agencies, userIds };
  });

  const via = options.via ?? (options.applications <= USE_CASE_LIMIT ? 'useCases' : 'bulk');
  const actorOf = (index: number, role: Role): StaffActor => {
    const a = agencies[index]!;
    return { kind: 'staff', userId: userIds.get(demoUsername(a.code, role))!, name: `${a.name}${ROLE_LABELS[role]}`, roles: [{ agencyId: a.id, role }] };
  };

  // Catalogue: a handful of items per agency and year, more where there is more activity.
  const perYear = Math.min(10, Math.max(3, Math.round(options.applications / options.agencies / 10)));
  let catalogueItems = 0;
  const catalogueWork = async (write: (agencyIndex: number, year: number, plans: CatalogueItemPlan[]) => Promise<void>) => {
    for (const [index, agency] of agencies.entries()) {
      for (let year = options.years[0]; year <= options.years[1]; year++) {
        const plans = planCatalogueItems(random, agency, year, perYear, today);
        catalogueItems += plans.length;
        await write(index, year, plans);
      }
    }
  };
  if (via === 'useCases') {
    await catalogueWork((i, _year, plans) => publishThroughUseCases(db, agencies[i]!.id, plans, actorOf(i, 'clerk'), actorOf(i, 'reviewer'), calendar));
  } else {
    await db.transaction().execute((trx) => catalogueWork((i, year, plans) => insertCatalogueInBulk(trx, agencies[i]!, year, plans)));
  }
  if (options.attachments) {
    const clerks = agencies.map((a, i) => ({ id: a.id, clerk: actorOf(i, 'clerk') }));
    await attachDemoAnnexes(db, options.attachments, clerks, today, calendar);
  }

  const days = receiptDays(calendar, options.years, today);
  const planCtx: PlanContext = { random, calendar, today, agencies: agencies.map((a) => ({ name: a.name, regionCode: a.regionCode })) };
  // Governments' offices receive more applications than a department.
  const agencyWeights = agencies.map((a, i) => [i, a.kind === 'government' ? 3 : 1] as const);
  const nextPlan = (serial: number): DemoApplicationPlan =>
    planApplication(planCtx, weighted(random, agencyWeights), days[Math.floor(random() * days.length)]!, serial);

  let done = 0;
  if (days.length > 0 && via === 'useCases') {
    for (; done < options.applications; done++) {
      const p = nextPlan(done);
      await applyThroughUseCases(db, p, agencies[p.agencyIndex]!.id, actorOf(p.agencyIndex, 'clerk'), actorOf(p.agencyIndex, 'reviewer'), calendar);
      if ((done + 1) % 100 === 0) options.onProgress?.(done + 1, options.applications);
    }
  } else if (days.length > 0) {
    while (done < options.applications) {
      const size = Math.min(BATCH, options.applications - done);
      const batch = Array.from({ length: size }, (_, i) => {
        const serial = done + i;
        const p = nextPlan(serial);
        const a = agencies[p.agencyIndex]!;
        const ids = { agencyId: a.id, clerk: `user:${actorOf(p.agencyIndex, 'clerk').userId}`, reviewer: `user:${actorOf(p.agencyIndex, 'reviewer').userId}` };
        return demoRows(p, ids, demoTrackingCode(random, serial), demoSecret(random), calendar, today);
      });
      await db.transaction().execute((trx) => insertApplications(trx, batch));
      done += size;
      options.onProgress?.(done, options.applications);
    }
  }

  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      agencyId: null,
      actor: 'system:demo',
      action: 'demo.seeded',
      subject: `agency:${agencies[0]!.id}`,
      details: { agencies: agencies.length, users: userIds.size, catalogueItems, applications: done, via, years: [...options.years] },
    }),
  );

  const logins: DemoLogin[] = agencies.flatMap((a) =>
    ROLES.map((role) => ({ username: demoUsername(a.code, role), password: DEMO_PASSWORDS[role], role, agencyCode: a.code, agencyName: a.name })),
  );
  return {
    agencies: agencies.map(({ id, code, name }) => ({ id, code, name })),
    logins,
    users: userIds.size,
    catalogueItems,
    applications: done,
    via,
    seconds: (performance.now() - started) / 1000,
  };
}

async function applyThroughUseCases(
  db: Kysely<Database>,
  p: DemoApplicationPlan,
  agencyId: number,
  clerk: StaffActor,
  reviewer: StaffActor,
  calendar: WorkingCalendar,
): Promise<void> {
  const registered = await registerApplication(
    { db, actor: clerk, clock: fixedClock(p.receivedOn), calendar },
    { agencyId, form: { applicant: p.applicant, description: p.description, purpose: p.purpose, form: p.form, delivery: p.delivery }, intake: p.facts },
  );
  if (p.reply === null) return;
  // Refusals are signed off by the head of the office (reviewer); the rest by the clerk.
  const actor = p.reply.outcome.startsWith('withheld') ? reviewer : clerk;
  await reply({ db, actor, clock: fixedClock(p.reply.on), calendar }, { applicationId: registered.applicationId, on: p.reply.on, outcome: p.reply.outcome, legalBasis: p.reply.legalBasis });
}

/**
 * First start: seeds a small demo (5 agencies, 300 applications over last year and this one, staff for each role)
 * when the database holds no agency at all; otherwise does nothing and returns null.
 */
export async function ensureDemoData(
  db: Kysely<Database>,
  options: { readonly today?: string; readonly calendar?: WorkingCalendar; readonly attachments?: DemoAttachments } = {},
): Promise<DemoSummary | null> {
  if ((await countAgencies(db)) > 0) return null;
  const calendar = options.calendar ?? loadCalendar();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const last = Math.min(Number(today.slice(0, 4)), calendar.years.to);
  const files = options.attachments ? { attachments: options.attachments } : {};
  return withoutSyncPerCommit(db, () => seedDemo(db, { agencies: 5, applications: 300, years: [last - 1, last], seed: 2019, today, calendar, ...files }));
}

/**
 * The first start's demo is ~1,000 small transactions; with SQLite's synchronous=FULL each waits for an fsync, which
 * made `npm start` take several seconds more (measured with `npm run bench -- web`). WAL with NORMAL still keeps every
 * commit through a crash of the process (a power cut may lose the last ones: demo data, seeded again on an empty
 * database). FULL is restored before the server takes requests. PostgreSQL: unchanged.
 */
async function withoutSyncPerCommit<T>(db: Kysely<Database>, seed: () => Promise<T>): Promise<T> {
  if (isPostgres(db as Kysely<unknown>)) return seed();
  const before = Object.values((await sql`pragma synchronous`.execute(db)).rows[0] as object)[0] as number;
  await sql`pragma synchronous = NORMAL`.execute(db);
  try {
    return await seed();
  } finally {
    await sql.raw(`pragma synchronous = ${Math.trunc(before)}`).execute(db);
  }
}
