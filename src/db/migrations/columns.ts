/**
 * The few column definitions that differ between SQLite and PostgreSQL, so that each migration file is written
 * once and runs unchanged on both. Frozen like the migrations that use it: change only by adding new helpers.
 */
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type RawBuilder } from 'kysely';

export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An integer primary key the database assigns: SQLite rowid alias, PostgreSQL identity column. */
export function withId<T extends string>(db: Kysely<unknown>, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  const postgres = isPostgres(db);
  return table.addColumn('id', 'integer', (col: ColumnDefinitionBuilder) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
  );
}

/** `column IN ('a', 'b', ...)` for a CHECK constraint. */
export function oneOf(column: string, values: readonly (string | number)[]): RawBuilder<unknown> {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/** `column >= min` for a CHECK constraint. */
export function atLeast(column: string, min: number): RawBuilder<unknown> {
  return sql`${sql.ref(column)} >= ${sql.lit(min)}`;
}

/** `column BETWEEN low AND high` for a CHECK constraint. */
export function between(column: string, low: number, high: number): RawBuilder<unknown> {
  return sql`${sql.ref(column)} between ${sql.lit(low)} and ${sql.lit(high)}`;
}
