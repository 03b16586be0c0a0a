/** A table to bulk-load: its name and its columns in row order, with the type PostgreSQL needs to unnest them. */
export interface TableSpec {
  readonly table: string;
  readonly columns: readonly (readonly [name: string, type: 'int' | 'text'])[];
}
