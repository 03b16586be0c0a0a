/**
 * The submitters of the intake benchmark: `concurrency` loops in one process, each submitting online applications
 * through registerApplication until the deadline; a submission counts when the use case returns, i.e. after its
 * transaction committed (synchronous=FULL: on disk).
 */
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { loadCalendar } from '../src/modules/calendar/load-calendar.ts';
import type { UseCaseContext } from '../src/modules/applications/use-cases/context.ts';
import { registerApplication } from '../src/modules/applications/use-cases/register-application.ts';
import { onlineSubmission } from './generate/application-forms.ts';
import { seeded } from './generate/random.ts';

/** The shipped working-day calendars end in 2024, so submissions are received on a working day of that year. */
export const SUBMITTED_ON = '2024-06-12';

export function portalContext(db: Kysely<Database>): UseCaseContext {
  return { db, actor: { kind: 'public' }, clock: { now: () => new Date(), today: () => SUBMITTED_ON }, calendar: loadCalendar() };
}

export interface Submitted {
  /** Latency of each acknowledged submission, ms. */
  readonly latencies: number[];
  readonly failures: number;
  readonly firstError: string | null;
}

export async function submitUntil(ctx: UseCaseContext, agencyIds: readonly number[], concurrency: number, deadline: number, seed: number): Promise<Submitted> {
  const latencies: number[] = [];
  let failures = 0;
  let firstError: string | null = null;
  const submitter = async (k: number) => {
    const r = seeded(seed * 1_000 + k);
    while (Date.now() < deadline) {
      const input = onlineSubmission(r, r.pick(agencyIds), 2024);
      const started = performance.now();
      try {
        await registerApplication(ctx, input);
        latencies.push(performance.now() - started);
      } catch (error) {
        failures++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, k) => submitter(k)));
  return { latencies, failures, firstError };
}
