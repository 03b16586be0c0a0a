/**
 * The daily jobs (src/jobs/daily-jobs.ts) in the web server's life: scheduled when the server is ready, stopped —
 * timer cleared, a run in progress awaited — before it closes (preClose runs before any onClose hook closes the
 * database). Failures go to the server's log.
 */
import type { FastifyInstance } from 'fastify';
import { startDailyJobs, type DailyJobs, type DailyJobsSettings } from '../jobs/daily-jobs.ts';
import type { AppDeps } from './app-deps.ts';

/** Returns the running jobs once the server is ready (null before). */
export function installDailyJobs(app: FastifyInstance, deps: Pick<AppDeps, 'db' | 'clock' | 'calendar'>, settings: DailyJobsSettings): () => DailyJobs | null {
  let jobs: DailyJobs | null = null;
  app.addHook('onReady', async () => {
    jobs = startDailyJobs({ db: deps.db, clock: deps.clock, calendar: deps.calendar, logger: app.log }, settings);
  });
  app.addHook('preClose', async () => {
    await jobs?.stop();
  });
  return () => jobs;
}
