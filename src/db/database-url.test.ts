import { describe, expect, it } from 'vitest';
import { DEFAULT_SQLITE_PATH, InvalidDatabaseUrl, parseDatabaseUrl, redact } from './database-url.ts';

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:./data/x.db', './data/x.db'],
    ['sqlite:/var/lib/gongkai/g.db', '/var/lib/gongkai/g.db'],
    ['sqlite:///var/lib/gongkai/g.db', '/var/lib/gongkai/g.db'],
    ['sqlite:', DEFAULT_SQLITE_PATH],
    ['sqlite::memory:', ':memory:'],
  ])('%s is SQLite at %s', (url, path) => {
    expect(parseDatabaseUrl(url)).toEqual({ dialect: 'sqlite', path });
  });

  it('reads postgres:// and postgresql://, taking ?schema= out of the connection string', () => {
    expect(parseDatabaseUrl('postgres://u:p@h:5432/db')).toEqual({ dialect: 'postgres', connectionString: 'postgres://u:p@h:5432/db', schema: null });
    expect(parseDatabaseUrl('postgresql://h/db?schema=tenant_1&sslmode=require')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgresql://h/db?sslmode=require',
      schema: 'tenant_1',
    });
  });

  it('rejects other schemes and unsafe schema names with a Chinese message, hiding the password', () => {
    expect(() => parseDatabaseUrl('mysql://root:hunter2@h/db')).toThrow(InvalidDatabaseUrl);
    expect(() => parseDatabaseUrl('mysql://root:hunter2@h/db')).toThrow(/无法识别/);
    expect(() => parseDatabaseUrl('mysql://root:hunter2@h/db')).not.toThrow(/hunter2/);
    expect(() => parseDatabaseUrl('postgres://h/db?schema=a;drop')).toThrow(/schema/);
  });

  it('redact hides the password only', () => {
    expect(redact('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
    expect(redact('postgres://h/db')).toBe('postgres://h/db');
  });
});
