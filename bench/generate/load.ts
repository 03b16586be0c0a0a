/**
 * Bulk loading of generated rows. SQLite: one prepared INSERT run per row inside one transaction (no per-row
 * commit). PostgreSQL: batches of rows sent as one array per column and expanded by unnest() — one statement and
 * one round trip per batch, no 65,535-parameter limit (the `pg` driver has no COPY without an extra package).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { TableSpec } from './table-spec.ts';

export function loadSqlite(file: BetterSqlite3.Database, spec: TableSpec, rows: Iterable<unknown[]>): number {
  const names = spec.columns.map(([name]) => name);
  const insert = file.prepare(`insert into ${spec.table} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`);
  let n = 0;
  file.transaction(() => {
    for (const row of rows) {
      insert.run(row);
      n++;
    }
  })();
  return n;
}

const BATCH = 20_000;

export async function loadPostgres(client: pg.ClientBase, spec: TableSpec, rows: Iterable<unknown[]>): Promise<number> {
  const names = spec.columns.map(([name]) => name);
  const arrays = spec.columns.map(([, type], i) => `$${i + 1}::${type === 'int' ? 'integer' : 'text'}[]`);
  const text = `insert into ${spec.table} (${names.join(', ')}) select * from unnest(${arrays.join(', ')})`;
  let columns: unknown[][] = names.map(() => []);
  let inBatch = 0;
  let n = 0;
  const flush = async () => {
    if (inBatch === 0) return;
    await client.query(text, columns);
    columns = names.map(() => []);
    inBatch = 0;
  };
  await client.query('begin');
  try {
    for (const row of rows) {
      for (let c = 0; c < row.length; c++) columns[c]!.push(row[c]);
      n++;
      if (++inBatch === BATCH) await flush();
    }
    await flush();
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return n;
}
