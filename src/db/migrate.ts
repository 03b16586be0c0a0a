/** Bringing a database to the latest schema: `gongkai migrate`, the server at start, and every test database. */
import { Migrator, sql, type Kysely, type MigrationResult } from 'kysely';
import { isPostgres } from './migrations/columns.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

export class MigrationFailed extends Error {
  override readonly name = 'MigrationFailed';
}

/** Applies every pending migration in order; returns the names applied (none when already up to date). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = await createMigrator(db);
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationFailed(`数据库迁移失败${failed ? `（${failed}）` : ''}：${reason}`, { cause: error });
  }
  return (results ?? []).filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of the migrations not yet applied. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const migrator = await createMigrator(db);
  return (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}

async function createMigrator(db: Kysely<Database>): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables in every schema unless told which; with several schemas in one
  // PostgreSQL database (tests, or tenants) that would find another schema's table.
  const schema = isPostgres(db as Kysely<unknown>) ? await currentSchema(db) : undefined;
  return new Migrator({
    db,
    provider: migrationProvider,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new MigrationFailed('数据库迁移失败：PostgreSQL 的 search_path 中没有可用的 schema（请先创建它）');
  return schema;
}
