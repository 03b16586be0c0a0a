// Frozen: never edit a migration that has shipped; add a new file instead.
import type { Kysely } from 'kysely';

/**
 * A counter per agency, raised in the same transaction as any change to what the public sees of its catalogue
 * (an item published, a published item changed or its validity). The portal keys what it keeps (rendered pages,
 * counts per category) by it, so every server process sharing the database sees a change at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalogue_public_versions')
    .addColumn('agency_id', 'integer', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('catalogue_public_versions').execute();
}
