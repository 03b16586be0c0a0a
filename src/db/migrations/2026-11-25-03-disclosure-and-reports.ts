// Frozen: never edit a migration that has shipped; add a new file instead.
import type { Kysely } from 'kysely';
import { atLeast, between, oneOf, withId } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalogue_items')
    .$call((t) => withId(db, t))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('index_number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('category', 'integer', (c) => c.notNull())
    .addColumn('issuing_body', 'text')
    .addColumn('written_on', 'text')
    .addColumn('published_on', 'text')
    .addColumn('doc_number', 'text')
    .addColumn('validity', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('catalogue_items_index_number_unique', ['agency_id', 'index_number'])
    // Art. 20 lists fifteen kinds of proactively disclosed information.
    .addCheckConstraint('catalogue_items_category_check', between('category', 1, 15))
    .addCheckConstraint('catalogue_items_state_check', oneOf('state', ['draft', 'review', 'published']))
    .addCheckConstraint('catalogue_items_validity_check', oneOf('validity', ['valid', 'expired', 'repealed']))
    .execute();
  await db.schema
    .createIndex('catalogue_items_agency_state_idx')
    .on('catalogue_items')
    .columns(['agency_id', 'state', 'published_on'])
    .execute();
  await db.schema.createIndex('catalogue_items_agency_year_idx').on('catalogue_items').columns(['agency_id', 'year']).execute();

  await db.schema
    .createTable('yearly_counts')
    .$call((t) => withId(db, t))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('column_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addUniqueConstraint('yearly_counts_cell_unique', ['agency_id', 'year', 'row_id', 'column_id'])
    .execute();

  await db.schema
    .createTable('remedy_cases')
    .$call((t) => withId(db, t))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'remedy_cases_kind_check',
      oneOf('kind', ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration']),
    )
    .addCheckConstraint('remedy_cases_result_check', oneOf('result', ['upheld', 'corrected', 'other', 'pending']))
    .execute();
  await db.schema.createIndex('remedy_cases_agency_filed_idx').on('remedy_cases').columns(['agency_id', 'filed_on']).execute();

  await db.schema
    .createTable('annual_reports')
    .$call((t) => withId(db, t))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_version_unique', ['agency_id', 'year', 'version'])
    .addCheckConstraint('annual_reports_format_check', oneOf('format', ['2019', '2021']))
    .addCheckConstraint('annual_reports_status_check', oneOf('status', ['generated', 'published']))
    .addCheckConstraint('annual_reports_version_check', atLeast('version', 1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['annual_reports', 'remedy_cases', 'yearly_counts', 'catalogue_items']) {
    await db.schema.dropTable(table).execute();
  }
}
