export { createDatabase, type DatabaseHandle, type DatabaseOptions, type Dialect } from './database.ts';
export { DEFAULT_SQLITE_PATH, InvalidDatabaseUrl, parseDatabaseUrl, redact, type DatabaseTarget } from './database-url.ts';
export { MigrationFailed, migrateToLatest, pendingMigrations } from './migrate.ts';
export { toCount } from './count.ts';
export type * from './schema.ts';
