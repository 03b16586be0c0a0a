/**
 * The environment, read once at start and validated with zod into one frozen, typed object. Nothing else in
 * gongkai reads process.env. Every variable is documented in docs/configuration.md (a test keeps them in step).
 */
import { z } from 'zod';
import { InvalidDatabaseUrl, parseDatabaseUrl } from '../db/database-url.ts';

const unset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const integer = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    unset,
    z
      .string()
      .regex(/^\d+$/, `${name} 必须是 ${min} 到 ${max} 之间的整数`)
      .transform(Number)
      .pipe(z.number().int().min(min, `${name} 不能小于 ${min}`).max(max, `${name} 不能大于 ${max}`))
      .default(fallback),
  );

const flag = (name: string) =>
  z.preprocess(
    unset,
    z
      .enum(['true', 'false', '1', '0'], { error: `${name} 只能是 true 或 false` })
      .transform((v) => v === 'true' || v === '1')
      .default(false),
  );

const text = (fallback: string) => z.preprocess(unset, z.string().default(fallback));

const databaseUrl = z.preprocess(
  unset,
  z
    .string()
    .default('sqlite:./data/gongkai.db')
    .superRefine((url, ctx) => {
      try {
        parseDatabaseUrl(url);
      } catch (error) {
        if (!(error instanceof InvalidDatabaseUrl)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
      }
    }),
);

const EnvSchema = z
  .object({
    NODE_ENV: z.preprocess(
      unset,
      z.enum(['development', 'production', 'test'], { error: 'NODE_ENV 只能是 development、production 或 test' }).default('development'),
    ),
    DATABASE_URL: databaseUrl,
    HOST: text('127.0.0.1'),
    PORT: integer('PORT', 0, 65535, 3000),
    PUBLIC_URL: z.preprocess(unset, z.url({ error: 'PUBLIC_URL 必须是完整网址，如 https://gk.example.gov.cn' }).optional()),
    TRUST_PROXY: flag('TRUST_PROXY'),
    LOG_LEVEL: z.preprocess(
      unset,
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
          error: 'LOG_LEVEL 只能是 fatal、error、warn、info、debug、trace 或 silent',
        })
        .default('info'),
    ),
    SESSION_SECRET: z.preprocess(unset, z.string().min(32, 'SESSION_SECRET 至少 32 个字符').optional()),
    SESSION_TTL_HOURS: integer('SESSION_TTL_HOURS', 1, 24 * 30, 12),
    LOGIN_MAX_FAILURES: integer('LOGIN_MAX_FAILURES', 1, 100, 5),
    LOGIN_LOCK_MINUTES: integer('LOGIN_LOCK_MINUTES', 1, 24 * 60, 15),
    ATTACHMENTS_DIR: text('./data/attachments'),
    MAX_UPLOAD_MB: integer('MAX_UPLOAD_MB', 1, 1024, 20),
    PAGE_CACHE_MB: integer('PAGE_CACHE_MB', 0, 4096, 64),
    WORKERS: integer('WORKERS', 1, 64, 1),
    CHROMIUM_PATH: text('/usr/bin/chromium'),
    TIME_ZONE: z.preprocess(
      unset,
      z
        .string()
        .default('Asia/Shanghai')
        .refine(isTimeZone, 'TIME_ZONE 不是有效的时区名称（如 Asia/Shanghai）'),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.SESSION_SECRET === undefined) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: '生产环境必须设置 SESSION_SECRET（至少 32 个字符的随机串）' });
    }
  });

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly databaseUrl: string;
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string | null;
  readonly trustProxy: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Null outside production: the web layer then uses a random secret per process (sessions end on restart). */
  readonly sessionSecret: string | null;
  readonly sessionTtlHours: number;
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  readonly attachmentsDir: string;
  readonly maxUploadBytes: number;
  /** Memory for rendered public portal pages (0: none kept). */
  readonly pageCacheBytes: number;
  /** Server processes `gongkai serve` runs on the one port. */
  readonly workers: number;
  readonly chromiumPath: string;
  /** For "today" and working-day deadlines: the agency's civil time zone. */
  readonly timeZone: string;
}

/** The variables gongkai reads, in the order docs/configuration.md lists them. */
export const CONFIG_VARIABLES: readonly string[] = Object.freeze(Object.keys(EnvSchema.shape));

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`配置有误：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validates the given environment (default: process.env); throws ConfigError listing every problem at once. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const picked = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, env[name]]));
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '');
        return issue.message.includes(name) ? issue.message : `${name}：${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? null,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET ?? null,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    attachmentsDir: e.ATTACHMENTS_DIR,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    pageCacheBytes: e.PAGE_CACHE_MB * 1024 * 1024,
    workers: e.WORKERS,
    chromiumPath: e.CHROMIUM_PATH,
    timeZone: e.TIME_ZONE,
  });
}

let cached: Config | undefined;

/** The process's configuration, parsed from process.env on first use. */
export function getConfig(): Config {
  cached ??= loadConfig(process.env);
  return cached;
}
