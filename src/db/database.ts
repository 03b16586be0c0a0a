/**
 * Opening the database named by DATABASE_URL: SQLite through better-sqlite3 (the default, one file) or PostgreSQL
 * through a `pg` pool. Both give the same Kysely<Database>; see docs/adr/0001-storage.md for what is kept equal.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';
import pg from 'pg';
import { parseDatabaseUrl } from './database-url.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Closes every connection. */
  destroy(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL pool size (default 10). */
  readonly poolSize?: number;
  /** How long SQLite waits for another writer before failing, in ms (default 5000). */
  readonly busyTimeoutMs?: number;
  /**
   * Called when an idle PostgreSQL connection fails (e.g. the server restarted); the pool drops it and opens a new
   * one when needed. Without a listener `pg` would crash the process. Default: one line on stderr.
   */
  readonly onConnectionError?: (error: Error) => void;
}

export function createDatabase(url: string, options: DatabaseOptions = {}): DatabaseHandle {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') return openSqlite(target.path, options);
  return openPostgres(target.connectionString, target.schema, options);
}

/** Page cache per connection: 64 MiB. */
const SQLITE_CACHE_KIB = 64 * 1024;

function openSqlite(path: string, options: DatabaseOptions): DatabaseHandle {
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  // WAL lets readers run beside the writer; synchronous=FULL makes a committed write survive a power cut.
  if (!inMemory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  // SQLite's default page cache is 2 MiB; the portal's reads jump across a catalogue of gigabytes (KiB, negative)
  if (!inMemory) sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query again; preparing costs as much as running a small insert. The one
 * connection keeps its prepared statements by SQL text (least recently used dropped), so each distinct query is
 * compiled by SQLite once. Safe because Kysely runs one query at a time on the connection.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // re-inserted below as the most recently used
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

/**
 * Transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE). With a plain BEGIN, a transaction that
 * reads and then writes fails at once with SQLITE_BUSY when another process wrote in between; taking the lock first
 * makes it wait (busy_timeout) instead. SQLite allows one writer at a time anyway.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

const INT8_OID = 20;

/** count(*) and sum(integer) come back from PostgreSQL as int8, which `pg` gives as a string; SQLite gives a number. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`整数超出安全范围：${value}`);
  return n;
}

function openPostgres(connectionString: string, schema: string | null, options: DatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    ...(schema === null ? {} : { options: `-c search_path=${schema}` }),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', options.onConnectionError ?? ((error) => process.stderr.write(`数据库连接中断：${error.message}\n`)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', destroy: () => db.destroy() };
}
