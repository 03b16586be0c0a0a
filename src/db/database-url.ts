/** Reading DATABASE_URL: which database, and where. Pure; no connection is opened here. */

export const DEFAULT_SQLITE_PATH = './data/gongkai.db';

export type DatabaseTarget =
  | { readonly dialect: 'sqlite'; readonly path: string }
  | { readonly dialect: 'postgres'; readonly connectionString: string; readonly schema: string | null };

export class InvalidDatabaseUrl extends Error {
  override readonly name = 'InvalidDatabaseUrl';
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * `sqlite:PATH` (relative or absolute; `sqlite:` alone means ./data/gongkai.db; `sqlite::memory:` for a throwaway
 * database) or `postgres://…` / `postgresql://…`, where an extra `?schema=NAME` selects the schema to use.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const trimmed = url.trim();
  if (/^sqlite:/i.test(trimmed)) {
    let path = trimmed.slice('sqlite:'.length);
    if (path.startsWith('//')) path = path.slice(2);
    return { dialect: 'sqlite', path: path === '' ? DEFAULT_SQLITE_PATH : path };
  }
  if (/^postgres(ql)?:\/\//i.test(trimmed)) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      throw new InvalidDatabaseUrl('DATABASE_URL 不是有效的 PostgreSQL 连接地址（应为 postgres://用户:密码@主机:端口/数据库）');
    }
    const schema = parsed.searchParams.get('schema');
    if (schema !== null && !SCHEMA_NAME.test(schema)) {
      throw new InvalidDatabaseUrl(`DATABASE_URL 中的 schema 名称无效：${schema}（只能包含字母、数字和下划线）`);
    }
    parsed.searchParams.delete('schema');
    return { dialect: 'postgres', connectionString: parsed.toString(), schema };
  }
  throw new InvalidDatabaseUrl(
    `DATABASE_URL 无法识别：${redact(trimmed)}。应为 sqlite:文件路径 或 postgres://用户:密码@主机:端口/数据库`,
  );
}

/** The URL with any password hidden, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
