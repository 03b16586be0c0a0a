/**
 * The lapse job in the web server, on SQLite and PostgreSQL: with `dailyJobs` (as `gongkai serve` sets it) the first
 * run happens by itself once the server is ready and writes to the server's log; closing the server clears the
 * timer. Without the option (every other test's server) nothing runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { installDailyJobs } from '../../src/http/jobs.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DailyRunOutcome } from '../../src/jobs/daily-jobs.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { registerApplication } from '../../src/modules/applications/use-cases/register-application.ts';
import { requestSupplement } from '../../src/modules/applications/use-cases/request-supplement.ts';
import { calendar, contextFor, personForm, seedAgencies, staff } from '../../src/modules/applications/use-cases/test-context.ts';
import { testDatabases, useTestDatabase } from '../support/databases.ts';

const attachmentsDir = mkdtempSync(join(tmpdir(), 'gongkai-jobs-files-'));
afterAll(() => rmSync(attachmentsDir, { recursive: true, force: true }));

describe.each(testDatabases())('the daily jobs in the server ($name)', (target) => {
  const t = useTestDatabase(target);

  /** An application whose supplement term ended on 18 Oct 2024: it lapses on a run from 21 Oct. */
  async function lapsing(tag: string): Promise<number> {
    const agencies = await seedAgencies(t.db, tag);
    const clerk = staff(1, agencies.a, 'clerk');
    const { applicationId } = await registerApplication(contextFor(t.db, clerk, '2024-09-27'), {
      agencyId: agencies.a,
      form: personForm(),
      intake: { channel: 'inPerson', handedInOn: '2024-09-27' },
    });
    await requestSupplement(contextFor(t.db, clerk, '2024-09-30'), { applicationId, termEnds: '2024-10-18', whatIsMissing: '联系方式' });
    return applicationId;
  }
  const stateOf = async (id: number) => (await t.db.selectFrom('applications').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

  it('buildServer({ dailyJobs }): the first run follows start, is logged, and the server keeps serving', async () => {
    const id = await lapsing('S1');
    const log: string[] = [];
    let done: (o: DailyRunOutcome) => void = () => undefined;
    const ran = new Promise<DailyRunOutcome>((resolve) => (done = resolve));
    const app = await buildServer({
      db: t.db,
      clock: fixedClock('2024-10-21'),
      calendar,
      attachmentsDir,
      logger: 'info',
      logStream: { write: (line) => void log.push(line) },
      dailyJobs: { firstRunDelayMs: 0, onRun: (o) => done(o) },
    });
    try {
      await app.ready();
      const outcome = await ran;
      expect(outcome.ok).toBe(true);
      expect(await stateOf(id)).toBe('abandoned');
      const letters = await t.db.selectFrom('letters').select(['kind', 'issued_by']).where('application_id', '=', id).execute();
      expect(letters).toEqual([{ kind: 'supplementLapseNotice', issued_by: 'system:scheduler' }]);
      expect(log.join('')).toContain('lapse job done');
      expect((await app.inject({ url: '/checker' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('closing the server clears the timer; without the option no job is scheduled', async () => {
    const app = Fastify();
    let done: () => void = () => undefined;
    const ran = new Promise<void>((resolve) => (done = resolve));
    const jobs = installDailyJobs(app, { db: t.db, clock: fixedClock('2024-10-21'), calendar }, { firstRunDelayMs: 0, onRun: () => done() });
    expect(jobs()).toBeNull(); // scheduled only when the server is ready
    await app.ready();
    await ran;
    expect(jobs()!.nextRunAt()).not.toBeNull();
    await app.close();
    expect(jobs()!.nextRunAt()).toBeNull();

    const id = await lapsing('S2');
    const quiet = await buildServer({ db: t.db, clock: fixedClock('2024-10-21'), calendar, attachmentsDir });
    await quiet.ready();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await quiet.close();
    expect(await stateOf(id)).toBe('awaitingSupplement');
  });
});
