/**
 * Every query of the applications module (Kysely), nothing else: no rules here. Writes take the caller's
 * transaction so that the event, the new state and the audit entry commit together.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { toCount } from '../../db/count.ts';
import { isPostgres } from '../../db/migrations/columns.ts';
import type { ApplicationEventRow, ApplicationRow, ApplicationRowUpdate, Database, NewApplicationEventRow, NewApplicationRow } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function agencyExists(db: Db, agencyId: number): Promise<boolean> {
  return (await db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst()) !== undefined;
}

export async function trackingCodeTaken(db: Db, trackingCode: string): Promise<boolean> {
  return (await db.selectFrom('applications').select('id').where('tracking_code', '=', trackingCode).executeTakeFirst()) !== undefined;
}

export async function insertApplication(trx: Transaction<Database>, row: NewApplicationRow): Promise<number> {
  const { id } = await trx.insertInto('applications').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/**
 * One application; `lock` (inside a transaction) holds its row until commit on PostgreSQL, so two staff acting on
 * the same application at once queue. SQLite already serialises writers (BEGIN IMMEDIATE).
 */
export async function findApplication(db: Db, id: number, options: { lock?: boolean } = {}): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', id)
    .$if(options.lock === true && isPostgres(db as Kysely<unknown>), (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function findApplicationByTrackingCode(db: Db, trackingCode: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('tracking_code', '=', trackingCode).executeTakeFirst();
}

export async function listEvents(db: Db, applicationId: number): Promise<ApplicationEventRow[]> {
  return db.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();
}

export async function insertEvent(trx: Transaction<Database>, row: NewApplicationEventRow): Promise<void> {
  await trx.insertInto('application_events').values(row).execute();
}

export async function updateApplication(trx: Transaction<Database>, id: number, changes: ApplicationRowUpdate): Promise<void> {
  await trx.updateTable('applications').set(changes).where('id', '=', id).execute();
}

export interface ApplicationFilter {
  readonly agencyId: number;
  readonly statuses?: readonly string[];
  readonly receivedFrom?: string;
  readonly receivedTo?: string;
  /** only applications whose running reply term ended before this day */
  readonly overdueOn?: string;
  /** only applications due before this day (those without a due date never) */
  readonly dueBefore?: string;
}

/** One page, ordered by due date (none last), then by id; plus the total matching. */
export async function listApplicationRows(
  db: Db,
  filter: ApplicationFilter,
  page: { readonly offset: number; readonly limit: number },
): Promise<{ rows: ApplicationRow[]; total: number }> {
  const base = db
    .selectFrom('applications')
    .where('agency_id', '=', filter.agencyId)
    .$if(filter.statuses !== undefined && filter.statuses.length > 0, (q) => q.where('state', 'in', filter.statuses!))
    .$if(filter.receivedFrom !== undefined, (q) => q.where('received_on', '>=', filter.receivedFrom!))
    .$if(filter.receivedTo !== undefined, (q) => q.where('received_on', '<=', filter.receivedTo!))
    // Only `registered` has a running clock: every other open status stops it (see domain/due-date.ts).
    .$if(filter.overdueOn !== undefined, (q) => q.where('state', '=', 'registered').where('due_on', '<', filter.overdueOn!))
    .$if(filter.dueBefore !== undefined, (q) => q.where('due_on', '<', filter.dueBefore!));
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy(sql`case when due_on is null then 1 else 0 end`)
      .orderBy('due_on')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toCount(count.n) };
}

/** Applications waiting on the applicant or a consulted party, whose term may have lapsed (the lapse job). */
export async function listWaitingApplicationIds(db: Db, agencyId: number | null): Promise<number[]> {
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('state', 'in', ['awaitingSupplement', 'awaitingFee', 'inConsultation'])
    .$if(agencyId !== null, (q) => q.where('agency_id', '=', agencyId!))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
