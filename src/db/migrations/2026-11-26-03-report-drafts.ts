// Frozen: never edit a migration that has shipped; add a new file instead.
import type { Kysely } from 'kysely';
import { withId } from './columns.ts';

/** The narrative sections of an agency's annual report as edited before publishing, one row per section. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('report_sections'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('section_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_sections_key', ['agency_id', 'year', 'section_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_sections').execute();
}
