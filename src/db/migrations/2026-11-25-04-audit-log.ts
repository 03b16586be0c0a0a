// Frozen: never edit a migration that has shipped; add a new file instead.
import type { Kysely } from 'kysely';
import { atLeast, withId } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  // No foreign key to agencies: the log must outlive anything it records, and agency 0 is the system chain.
  await db.schema
    .createTable('audit_log')
    .$call((t) => withId(db, t))
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    // Two appends racing for the same position fail instead of forking the chain.
    .addUniqueConstraint('audit_log_seq_unique', ['agency_id', 'seq'])
    .addCheckConstraint('audit_log_seq_check', atLeast('seq', 1))
    .execute();

  await db.schema
    .createTable('audit_chain_heads')
    .addColumn('agency_id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_chain_heads').execute();
  await db.schema.dropTable('audit_log').execute();
}
