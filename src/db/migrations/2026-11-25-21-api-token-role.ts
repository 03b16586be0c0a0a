// Frozen: never edit a migration that has shipped; add a new file instead.
import type { Kysely } from 'kysely';
import { oneOf } from './columns.ts';

/** An API token acts as one role in one agency: the role it was issued with. Admin is never given to a token. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('clerk').check(oneOf('role', ['clerk', 'reviewer', 'supervisor'])))
    .execute();
  await db.schema.createIndex('api_tokens_agency_idx').on('api_tokens').column('agency_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('api_tokens_agency_idx').execute();
  await db.schema.alterTable('api_tokens').dropColumn('role').execute();
}
