// Frozen: never edit a migration that has shipped; add a new file instead.
import type { Kysely } from 'kysely';
import { oneOf, withId } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .$call((t) => withId(db, t))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('office_name', 'text')
    .addColumn('office_address', 'text')
    .addColumn('office_phone', 'text')
    .addColumn('office_hours', 'text')
    .addColumn('office_email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('agencies_kind_check', oneOf('kind', ['government', 'department']))
    .addCheckConstraint('agencies_level_check', oneOf('level', ['national', 'provincial', 'municipal', 'county', 'township']))
    .execute();
  await db.schema.createIndex('agencies_parent_idx').on('agencies').column('parent_id').execute();

  await db.schema
    .createTable('users')
    .$call((t) => withId(db, t))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'agency_id', 'role'])
    .addCheckConstraint('user_roles_role_check', oneOf('role', ['clerk', 'reviewer', 'admin', 'supervisor']))
    .execute();
  await db.schema.createIndex('user_roles_agency_idx').on('user_roles').column('agency_id').execute();

  await db.schema
    .createTable('sessions')
    .$call((t) => withId(db, t))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .$call((t) => withId(db, t))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['api_tokens', 'sessions', 'user_roles', 'users', 'agencies']) {
    await db.schema.dropTable(table).execute();
  }
}
