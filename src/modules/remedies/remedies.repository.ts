/** Every query of the remedies module (Kysely). */
import type { Kysely, Transaction } from 'kysely';
import type { Database, NewRemedyCase, RemedyCase, RemedyKind } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function findApplicationForRemedy(db: Db, applicationId: number) {
  return db.selectFrom('applications').select(['id', 'agency_id', 'received_on']).where('id', '=', applicationId).executeTakeFirst();
}

export async function insertRemedy(trx: Transaction<Database>, row: NewRemedyCase): Promise<RemedyCase> {
  return trx.insertInto('remedy_cases').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findRemedy(db: Db, id: number): Promise<RemedyCase | undefined> {
  return db.selectFrom('remedy_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateRemedy(trx: Transaction<Database>, id: number, changes: Pick<RemedyCase, 'result' | 'closed_on'>): Promise<RemedyCase> {
  return trx.updateTable('remedy_cases').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export interface RemedyFilter {
  readonly agencyId: number;
  readonly year?: number;
  readonly kind?: RemedyKind;
  readonly applicationId?: number;
}

export async function listRemedies(db: Db, f: RemedyFilter): Promise<RemedyCase[]> {
  return db
    .selectFrom('remedy_cases')
    .selectAll()
    .where('agency_id', '=', f.agencyId)
    .$if(f.year !== undefined, (q) => q.where('filed_on', '>=', `${f.year}-01-01`).where('filed_on', '<=', `${f.year}-12-31`))
    .$if(f.kind !== undefined, (q) => q.where('kind', '=', f.kind!))
    .$if(f.applicationId !== undefined, (q) => q.where('application_id', '=', f.applicationId!))
    .orderBy('filed_on')
    .orderBy('id')
    .execute();
}
