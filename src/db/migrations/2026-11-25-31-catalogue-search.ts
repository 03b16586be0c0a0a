// Frozen: never edit a migration that has shipped; add a new file instead.
import { sql, type Kysely } from 'kysely';
import { atLeast, isPostgres } from './columns.ts';

/**
 * The catalogue's index-number counters (one row per agency and year, incremented inside the creating transaction)
 * and its search index: one row per (term, agency, item), where a term is a pair of Han characters or a whole
 * word (src/modules/catalogue/domain/bigrams.ts). The primary key is the lookup path: one term in one agency,
 * newest item first. Plain B-tree tables, so the same search runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalogue_index_counters')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalogue_index_counters_pk', ['agency_id', 'year'])
    .addCheckConstraint('catalogue_index_counters_seq_check', atLeast('last_seq', 0))
    .execute();

  await db.schema
    .createTable('catalogue_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalogue_items.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('catalogue_terms_pk', ['term', 'agency_id', 'item_id'])
    // SQLite: the primary key is the table (no second copy in a rowid table)
    .$call((t) => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  await db.schema.createIndex('catalogue_terms_item_idx').on('catalogue_terms').column('item_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('catalogue_terms').execute();
  await db.schema.dropTable('catalogue_index_counters').execute();
}
