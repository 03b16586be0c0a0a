// Frozen: never edit a migration that has shipped; add a new file instead.
import type { Kysely } from 'kysely';
import { oneOf, withId } from './columns.ts';

/**
 * A person's decision on one checker finding of one checked report (confirmed or dismissed, with a note), kept per
 * reviewing agency so that it is shown again when the same report is checked next time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('finding_reviews'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('report_key', 'text', (c) => c.notNull())
    .addColumn('finding_key', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(oneOf('decision', ['confirmed', 'dismissed'])))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('finding_reviews_key', ['agency_id', 'report_key', 'finding_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('finding_reviews').execute();
}
