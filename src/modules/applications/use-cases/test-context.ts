/** Helpers for the use-case tests of applications, the catalogue and remedies: agencies, actors, contexts. */
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { AppError } from '../../../errors.ts';
import type { Database } from '../../../db/schema.ts';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import type { Actor } from '../applications.policy.ts';
import { fixedClock, type UseCaseContext } from './context.ts';

export const calendar = loadCalendar();

export interface TestAgencies {
  /** the county government above A (its supervisor reads A) */
  readonly parent: number;
  readonly a: number;
  readonly b: number;
}

/** Three agencies; `tag` keeps codes unique when one database gets several sets. */
export async function seedAgencies(db: Kysely<Database>, tag = ''): Promise<TestAgencies> {
  const at = '2024-01-01T00:00:00.000Z';
  const insert = async (code: string, name: string, parent_id: number | null) =>
    (
      await db
        .insertInto('agencies')
        .values({ code, name, parent_id, kind: parent_id === null ? 'government' : 'department', level: 'county', region_code: null, office_name: null, office_address: null, office_phone: null, office_hours: null, office_email: null, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const parent = await insert(`CNTY${tag}`, '某县人民政府', null);
  const a = await insert(`FGW${tag}`, '某县发展和改革局', parent);
  const b = await insert(`CZJ${tag}`, '某县财政局', parent);
  return { parent, a, b };
}

export function staff(userId: number, agencyId: number, role: 'clerk' | 'reviewer' | 'admin' | 'supervisor'): Actor {
  return { kind: 'staff', userId, name: `用户${userId}`, roles: [{ agencyId, role }] };
}

export function contextFor(db: Kysely<Database>, actor: Actor, today: string): UseCaseContext {
  return { db, actor, clock: fixedClock(today), calendar };
}

/** A valid natural-person form (110101199003074514 is GB 11643's check-correct sample). */
export function personForm(overrides: Record<string, unknown> = {}) {
  return {
    applicant: { type: 'naturalPerson', name: '张三', idType: '居民身份证', idNumber: '110101199003074514', phone: '13812345678', ...overrides },
    description: '请公开2024年度部门预算及政府采购执行情况',
    form: 'paper',
    delivery: 'post',
  };
}

/** Everything stored about one application, to show a refused step changed nothing. */
export async function snapshot(db: Kysely<Database>, applicationId: number) {
  const [application, events, audit] = await Promise.all([
    db.selectFrom('applications').selectAll().where('id', '=', applicationId).executeTakeFirst(),
    db.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute(),
    db.selectFrom('audit_log').select(['agency_id', 'seq', 'hash']).orderBy('agency_id').orderBy('seq').execute(),
  ]);
  return { application, events, audit };
}

/** The AppError a call is refused with (fails the test if it succeeds or throws anything else). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
