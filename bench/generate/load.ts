/**
 * Bulk loading of generated rows. SQLite: one prepared INSERT run per row inside one transaction (no per-row
 * commit). PostgreSQL: COPY … FROM STDIN in text format, streamed in chunks as the rows are generated (the `pg`
 * driver has no COPY helper of its own; the CopyIn query below answers the server's CopyInResponse).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
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

const ROWS_PER_CHUNK = 2_000;

interface CopyConnection {
  readonly stream: Writable;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/** COPY text format: tab-separated, \N for NULL, backslash escapes for the separators. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

// `rows` and `values` are pg.Query's own fields: the source of the rows must not be named `rows`.
class CopyIn extends pg.Query {
  n = 0;
  constructor(text: string, private readonly source: Iterable<unknown[]>) {
    super(text);
  }

  // Called by pg's Client when the server is ready for data.
  handleCopyInResponse(connection: CopyConnection): void {
    void this.send(connection);
  }

  private async send(connection: CopyConnection): Promise<void> {
    try {
      let chunk = '';
      let inChunk = 0;
      for (const row of this.source) {
        chunk += row.map(copyField).join('\t') + '\n';
        this.n++;
        if (++inChunk === ROWS_PER_CHUNK) {
          connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
          chunk = '';
          inChunk = 0;
          if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
        }
      }
      if (chunk !== '') connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
      connection.endCopyFrom();
    } catch (error) {
      connection.sendCopyFail(String((error as Error).message));
    }
  }
}

export async function loadPostgres(client: pg.ClientBase, spec: TableSpec, rows: Iterable<unknown[]>): Promise<number> {
  const copy = new CopyIn(`copy ${spec.table} (${spec.columns.map(([name]) => name).join(', ')}) from stdin`, rows);
  await new Promise<void>((resolve, reject) => {
    copy.once('end', () => resolve());
    copy.once('error', reject);
    void client.query(copy);
  });
  return copy.n;
}
