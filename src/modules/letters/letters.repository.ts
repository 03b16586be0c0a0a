/** Every query of the letters module (Kysely): the agencies' templates and the issued letters. No rules here. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, LettersTable, LetterTemplatesTable } from '../../db/schema.ts';
import type { Insertable, Selectable } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export type LetterRow = Selectable<LettersTable>;
export type LetterTemplateRow = Selectable<LetterTemplatesTable>;

export async function listTemplateRows(db: Db, agencyId: number): Promise<LetterTemplateRow[]> {
  return db.selectFrom('letter_templates').selectAll().where('agency_id', '=', agencyId).orderBy('kind').execute();
}

export async function findTemplateRow(db: Db, agencyId: number, kind: string): Promise<LetterTemplateRow | undefined> {
  return db.selectFrom('letter_templates').selectAll().where('agency_id', '=', agencyId).where('kind', '=', kind).executeTakeFirst();
}

export async function upsertTemplateRow(trx: Transaction<Database>, row: Insertable<LetterTemplatesTable>): Promise<void> {
  await trx
    .insertInto('letter_templates')
    .values(row)
    .onConflict((oc) => oc.columns(['agency_id', 'kind']).doUpdateSet({ body: row.body, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

/** Whether a row was there to delete. */
export async function deleteTemplateRow(trx: Transaction<Database>, agencyId: number, kind: string): Promise<boolean> {
  const result = await trx.deleteFrom('letter_templates').where('agency_id', '=', agencyId).where('kind', '=', kind).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listLetterRows(db: Db, applicationId: number): Promise<LetterRow[]> {
  return db.selectFrom('letters').selectAll().where('application_id', '=', applicationId).orderBy('issued_on').orderBy('id').execute();
}

export async function findLetterRow(db: Db, applicationId: number, letterId: number): Promise<LetterRow | undefined> {
  return db.selectFrom('letters').selectAll().where('id', '=', letterId).where('application_id', '=', applicationId).executeTakeFirst();
}

export async function insertLetterRow(trx: Transaction<Database>, row: Insertable<LettersTable>): Promise<number> {
  const { id } = await trx.insertInto('letters').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}
