/**
 * Every migration, listed by hand (no directory scan, so bundling or a stray file cannot change what runs).
 * Names sort in the order they apply. To change the schema, add a new dated file here; never edit a shipped one.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { isPostgres } from './columns.ts';
import * as agenciesAndAccounts from './2026-11-25-01-agencies-and-accounts.ts';
import * as applications from './2026-11-25-02-applications.ts';
import * as disclosureAndReports from './2026-11-25-03-disclosure-and-reports.ts';
import * as auditLog from './2026-11-25-04-audit-log.ts';
import * as apiTokenRole from './2026-11-25-21-api-token-role.ts';
import * as catalogueSearch from './2026-11-25-31-catalogue-search.ts';
import * as applicationsYearReportIndex from './2026-11-25-40-applications-year-report-index.ts';
import * as letters from './2026-11-26-01-letters.ts';
import * as findingReviews from './2026-11-26-02-finding-reviews.ts';
import * as reportSections from './2026-11-26-03-report-drafts.ts';
import * as cataloguePublicIndexes from './2026-11-26-10-catalogue-public-indexes.ts';
import * as cataloguePublicVersions from './2026-11-26-20-catalogue-public-versions.ts';
import * as cataloguePublicFiltersIndex from './2026-11-26-30-catalogue-public-filters-index.ts';

export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '2026-11-25-01-agencies-and-accounts': agenciesAndAccounts,
  '2026-11-25-02-applications': applications,
  '2026-11-25-03-disclosure-and-reports': disclosureAndReports,
  '2026-11-25-04-audit-log': auditLog,
  '2026-11-25-21-api-token-role': apiTokenRole,
  '2026-11-25-31-catalogue-search': catalogueSearch,
  '2026-11-25-40-applications-year-report-index': applicationsYearReportIndex,
  '2026-11-26-01-letters': letters,
  '2026-11-26-02-finding-reviews': findingReviews,
  '2026-11-26-03-report-drafts': reportSections,
  '2026-11-26-10-catalogue-public-indexes': cataloguePublicIndexes,
  '2026-11-26-20-catalogue-public-versions': cataloguePublicVersions,
  '2026-11-26-30-catalogue-public-filters-index': cataloguePublicFiltersIndex,
});

export const migrationProvider: MigrationProvider = {
  getMigrations: async () =>
    Object.fromEntries(Object.entries(MIGRATIONS).map(([name, migration]) => [name, atomicOnSqlite(migration)])),
};

/**
 * Kysely runs all pending PostgreSQL migrations in one transaction, but none on SQLite (its adapter declares no
 * transactional DDL, although SQLite has it). Wrapping each migration keeps a failed one from leaving half a schema.
 */
function atomicOnSqlite(migration: Migration): Migration {
  const wrap =
    (step: (db: Kysely<unknown>) => Promise<void>) =>
    (db: Kysely<unknown>): Promise<void> =>
      isPostgres(db) ? step(db) : db.transaction().execute((trx) => step(trx));
  return { up: wrap(migration.up), ...(migration.down ? { down: wrap(migration.down) } : {}) };
}
