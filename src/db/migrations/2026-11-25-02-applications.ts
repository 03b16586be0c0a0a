// Frozen: never edit a migration that has shipped; add a new file instead.
import type { Kysely } from 'kysely';
import { atLeast, oneOf, withId } from './columns.ts';

const APPLICANT_TYPES = ['naturalPerson', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applications')
    .$call((t) => withId(db, t))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('applicant_type', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('id_type', 'text')
    .addColumn('id_number', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('org_credit_code', 'text')
    .addColumn('org_legal_representative', 'text')
    .addColumn('org_contact_name', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('due_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('applications_applicant_type_check', oneOf('applicant_type', APPLICANT_TYPES))
    .execute();
  await db.schema
    .createIndex('applications_agency_state_due_idx')
    .on('applications')
    .columns(['agency_id', 'state', 'due_on'])
    .execute();
  await db.schema.createIndex('applications_agency_year_idx').on('applications').columns(['agency_id', 'year']).execute();

  await db.schema
    .createTable('application_events')
    .$call((t) => withId(db, t))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('application_events_seq_unique', ['application_id', 'seq'])
    .execute();

  await db.schema
    .createTable('attachments')
    .$call((t) => withId(db, t))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('attachments_size_check', atLeast('size', 0))
    .execute();
  await db.schema.createIndex('attachments_owner_idx').on('attachments').columns(['owner_kind', 'owner_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['attachments', 'application_events', 'applications']) {
    await db.schema.dropTable(table).execute();
  }
}
