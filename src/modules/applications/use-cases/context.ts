/**
 * What every use case of applications, the catalogue and remedies takes: the database, who acts, the clock and the
 * working-day calendar. Never a web request: pages, the API and the CLI build this and call the same functions.
 */
import type { Kysely } from 'kysely';
import type { WorkingCalendar } from '../../calendar/domain/calendar.ts';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../applications.policy.ts';

export interface Clock {
  /** The instant, for timestamps. */
  now(): Date;
  /** Today's civil date in the agency's time zone (YYYY-MM-DD), for the deadlines of the law. */
  today(): string;
}

export interface UseCaseContext {
  readonly db: Kysely<Database>;
  readonly actor: Actor;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
}

/** The real clock; `timeZone` is config.timeZone (Asia/Shanghai by default). */
export function systemClock(timeZone: string): Clock {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  // Formatting costs microseconds and every page asks, so the day is kept for the rest of the UTC minute: a
  // midnight falls on a whole minute in every time zone (offsets are whole minutes), so this is exact.
  let day = '';
  let until = 0;
  return {
    now: () => new Date(),
    today: () => {
      const now = Date.now();
      if (now >= until) {
        day = format.format(now);
        until = Math.floor(now / 60_000) * 60_000 + 60_000;
      }
      return day;
    },
  };
}

/** A clock standing still on one date (tests, demo data, replays). */
export function fixedClock(today: string, time = '08:00:00.000Z'): Clock {
  return { now: () => new Date(`${today}T${time}`), today: () => today };
}
