/**
 * What the agencies and accounts use cases take: the database, who acts and the clock. Never a web request: the
 * office pages, the API and the command line build this and call the same functions. Structurally compatible with
 * the applications module's context (its Clock has `now()` too).
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config/config.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from './policy.ts';

export interface Clock {
  /** The instant, for timestamps and expiry. */
  now(): Date;
}

export interface UseCaseContext {
  readonly db: Kysely<Database>;
  readonly actor: Actor;
  readonly clock: Clock;
}

/** The configuration the accounts use cases read (config.ts: SESSION_TTL_HOURS, LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES). */
export type AccountSettings = Pick<Config, 'sessionTtlHours' | 'loginMaxFailures' | 'loginLockMinutes'>;

export const systemClock: Clock = { now: () => new Date() };
