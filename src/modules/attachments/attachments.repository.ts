/** Every query of the attachments module (Kysely). */
import type { Kysely, Transaction } from 'kysely';
import type { Attachment, Database, NewAttachment } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type OwnerKind = 'application' | 'catalogueItem';

/** The agency an owner belongs to (and, for a catalogue item, whether it is published), or undefined. */
export async function findOwner(db: Db, kind: OwnerKind, id: number): Promise<{ agencyId: number; published: boolean } | undefined> {
  if (kind === 'application') {
    const row = await db.selectFrom('applications').select('agency_id').where('id', '=', id).executeTakeFirst();
    return row && { agencyId: row.agency_id, published: false };
  }
  const row = await db.selectFrom('catalogue_items').select(['agency_id', 'state']).where('id', '=', id).executeTakeFirst();
  return row && { agencyId: row.agency_id, published: row.state === 'published' };
}

export async function insertAttachment(trx: Transaction<Database>, row: NewAttachment): Promise<Attachment> {
  return trx.insertInto('attachments').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findAttachment(db: Db, id: number): Promise<Attachment | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAttachments(db: Db, kind: OwnerKind, ownerId: number): Promise<Attachment[]> {
  return db.selectFrom('attachments').selectAll().where('owner_kind', '=', kind).where('owner_id', '=', ownerId).orderBy('id').execute();
}
