/** `gongkai migrate`, and opening the configured database for the commands that need one (demo). */
import type { Command } from 'commander';
import { ConfigError, getConfig } from '../../config/config.ts';
import { createDatabase, type DatabaseHandle } from '../../db/database.ts';
import { redact } from '../../db/database-url.ts';
import { MigrationFailed, migrateToLatest } from '../../db/migrate.ts';
import { MIGRATIONS } from '../../db/migrations/index.ts';
import { CliExit } from '../exit.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('把数据库（DATABASE_URL，默认 ./data/gongkai.db）升级到最新结构；退出码 0 成功，2 配置或迁移出错')
    .action(async () => {
      const opened = openConfiguredDatabase();
      try {
        const applied = await migrateOrExit(opened);
        const total = Object.keys(MIGRATIONS).length;
        if (applied.length === 0) {
          process.stdout.write(`数据库 ${opened.shownUrl} 已是最新结构（共 ${total} 个迁移），无需操作。\n`);
        } else {
          process.stdout.write(`数据库 ${opened.shownUrl}：已应用 ${applied.length} 个迁移（共 ${total} 个）：\n`);
          for (const name of applied) process.stdout.write(`  ✓ ${name}\n`);
        }
      } finally {
        await opened.handle.destroy();
      }
    });
}

export interface OpenedDatabase {
  readonly handle: DatabaseHandle;
  /** DATABASE_URL with any password hidden, for messages. */
  readonly shownUrl: string;
}

export function openConfiguredDatabase(): OpenedDatabase {
  let url: string;
  try {
    url = getConfig().databaseUrl;
  } catch (error) {
    if (error instanceof ConfigError) throw new CliExit(2, error.message);
    throw error;
  }
  return { handle: createDatabase(url, { poolSize: 2 }), shownUrl: redact(url) };
}

/** Applies pending migrations; a failure or an unreachable server becomes a Chinese message and exit code 2. */
export async function migrateOrExit(opened: OpenedDatabase): Promise<string[]> {
  try {
    return await migrateToLatest(opened.handle.db);
  } catch (error) {
    throw asCliExit(error, opened.shownUrl);
  }
}

/** Database errors a person can act on, as exit code 2 with a Chinese message; anything else unchanged. */
export function asCliExit(error: unknown, shownUrl: string): unknown {
  if (error instanceof MigrationFailed) return new CliExit(2, error.message);
  const code = (error as { code?: unknown }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
    return new CliExit(2, `无法连接数据库 ${shownUrl}：${(error as Error).message}`);
  }
  if (code === '28P01' || code === '3D000') return new CliExit(2, `数据库拒绝连接（${shownUrl}）：${(error as Error).message}`);
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') return new CliExit(2, `无法打开 SQLite 数据库文件（${shownUrl}）：${(error as Error).message}`);
  return error;
}
