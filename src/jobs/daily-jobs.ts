/**
 * The web server's daily jobs: the lapse job (lapse-job.ts), run once shortly after start and then every day at
 * 00:10 in the agency's time zone (config.timeZone), so a term that ended yesterday lapses first thing today.
 *
 * - The timer is unref'd (it never keeps the process alive) and cleared by stop(), which the server calls when it
 *   closes; stop() also waits for a run in progress, so the database is not closed under it.
 * - A failed run is logged and the next one is scheduled all the same; it never reaches the server.
 * - Runs never overlap in one process (the next is scheduled when one ends). Several processes on one PostgreSQL
 *   may each run it: the job is idempotent per application (lapse-job.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SystemActor } from '../modules/accounts/policy.ts';
import type { Clock } from '../modules/applications/use-cases/context.ts';
import type { WorkingCalendar } from '../modules/calendar/domain/calendar.ts';
import { runLapseJob, type LapseJobReport } from './lapse-job.ts';

/** The part of a pino (or Fastify) logger the jobs use. */
export interface JobLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface DailyJobsDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly logger: JobLogger;
}

export interface DailyJobsSettings {
  /** The IANA time zone of the daily run (config.timeZone; default Asia/Shanghai). */
  readonly timeZone?: string;
  /** Local time of the daily run; default 00:10. */
  readonly at?: { readonly hour: number; readonly minute: number };
  /** The first run after start; default 60 s (the server is listening by then). */
  readonly firstRunDelayMs?: number;
  /** Called after each run, failed or not (tests wait on it). */
  readonly onRun?: (outcome: DailyRunOutcome) => void;
}

export type DailyRunOutcome = { readonly ok: true; readonly report: LapseJobReport } | { readonly ok: false; readonly error: unknown };

export interface DailyJobs {
  /** When the next run is due; null once stopped. */
  nextRunAt(): Date | null;
  /** Clears the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_AT = { hour: 0, minute: 10 } as const;
const DEFAULT_FIRST_RUN_DELAY_MS = 60_000;

/** The actor of the scheduled jobs, as the audit log names it (system:scheduler). */
export const SCHEDULER: SystemActor = { kind: 'system', name: 'scheduler' };

/** Runs the daily jobs once; never throws: a failure is logged and returned. */
export async function runDailyJobs(deps: DailyJobsDeps): Promise<DailyRunOutcome> {
  try {
    const report = await runLapseJob({ db: deps.db, actor: SCHEDULER, clock: deps.clock, calendar: deps.calendar });
    deps.logger.info(
      { job: 'lapse', today: report.today, checked: report.checked, lapsed: report.lapsed.length, letters: report.lapsed.reduce((n, l) => n + l.letters.length, 0) },
      'lapse job done',
    );
    for (const failure of report.lapseFailures) deps.logger.error({ job: 'lapse', ...failure }, 'lapse rules not applied');
    for (const failure of report.letterFailures) deps.logger.error({ job: 'lapse', ...failure }, 'lapse letter not issued');
    return { ok: true, report };
  } catch (error) {
    deps.logger.error({ job: 'lapse', err: error }, 'lapse job failed');
    return { ok: false, error };
  }
}

/** Milliseconds from `now` to the next `at` (local time in `timeZone`), never 0: at 00:10 sharp, the next day's. */
export function msUntilNextRun(now: Date, timeZone: string, at: { readonly hour: number; readonly minute: number } = DEFAULT_AT): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const sinceMidnight = ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000 + now.getUTCMilliseconds();
  const delay = (at.hour * 60 + at.minute) * 60_000 - sinceMidnight;
  // a day that gains or loses an hour (daylight saving) runs an hour off; Asia/Shanghai has none
  return delay > 0 ? delay : delay + DAY_MS;
}

/** Schedules the daily jobs: the first run after `firstRunDelayMs`, then every day at `at`. */
export function startDailyJobs(deps: DailyJobsDeps, settings: DailyJobsSettings = {}): DailyJobs {
  const timeZone = settings.timeZone ?? 'Asia/Shanghai';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let due: Date | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    due = new Date(Date.now() + delayMs);
    timer = setTimeout(fire, delayMs);
    timer.unref();
  };
  function fire() {
    timer = null;
    running = runDailyJobs(deps).then((outcome) => {
      running = null;
      schedule(msUntilNextRun(deps.clock.now(), timeZone, settings.at));
      try {
        settings.onRun?.(outcome);
      } catch (error) {
        deps.logger.error({ job: 'lapse', err: error }, 'onRun failed');
      }
    });
  }

  schedule(settings.firstRunDelayMs ?? DEFAULT_FIRST_RUN_DELAY_MS);
  return {
    nextRunAt: () => (stopped ? null : due),
    async stop() {
      stopped = true;
      due = null;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
