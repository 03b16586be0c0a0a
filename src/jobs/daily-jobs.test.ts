/**
 * The daily lapse job as the server runs it, on SQLite and PostgreSQL: the run function with a fixed clock (lapses
 * and their 视为放弃申请告知书, issued once; a second run, or two at once, lapse and issue nothing new), a failed run
 * logged and the next one still scheduled, the first run after start, and the time of the daily run.
 */
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../test/support/databases.ts';
import { issueFeeNotice } from '../modules/applications/use-cases/issue-fee-notice.ts';
import { registerApplication } from '../modules/applications/use-cases/register-application.ts';
import { requestSupplement } from '../modules/applications/use-cases/request-supplement.ts';
import { startConsultation } from '../modules/applications/use-cases/start-consultation.ts';
import { fixedClock } from '../modules/applications/use-cases/context.ts';
import { calendar, contextFor, personForm, seedAgencies, staff, type TestAgencies } from '../modules/applications/use-cases/test-context.ts';
import { msUntilNextRun, runDailyJobs, startDailyJobs, type DailyRunOutcome, type JobLogger } from './daily-jobs.ts';

function memoryLogger() {
  const lines: { level: 'info' | 'error'; details: Record<string, unknown>; message: string }[] = [];
  const logger: JobLogger = {
    info: (details, message) => lines.push({ level: 'info', details: details as Record<string, unknown>, message }),
    error: (details, message) => lines.push({ level: 'error', details: details as Record<string, unknown>, message }),
  };
  return { logger, lines };
}

describe('the time of the daily run (00:10, Asia/Shanghai = UTC+8)', () => {
  const min = 60_000;
  it.each([
    ['2024-10-20T16:00:00.000Z', 10 * min], // 00:00 in Shanghai
    ['2024-10-20T16:10:00.000Z', 24 * 60 * min], // 00:10 sharp: tomorrow's
    ['2024-10-20T16:10:00.001Z', 24 * 60 * min - 1],
    ['2024-10-21T04:00:00.000Z', (12 * 60 + 10) * min], // 12:00
    ['2024-10-21T15:59:59.000Z', 10 * min + 1000], // 23:59:59
  ])('from %s', (now, expected) => {
    expect(msUntilNextRun(new Date(now), 'Asia/Shanghai')).toBe(expected);
  });

  it('follows the time zone and the configured hour', () => {
    expect(msUntilNextRun(new Date('2024-10-20T16:00:00.000Z'), 'UTC')).toBe((8 * 60 + 10) * 60_000); // 16:00 UTC
    expect(msUntilNextRun(new Date('2024-10-20T16:00:00.000Z'), 'Asia/Shanghai', { hour: 2, minute: 30 })).toBe(150 * 60_000);
  });
});

describe.each(testDatabases())('the daily lapse job on $name', (target) => {
  const t = useTestDatabase(target);
  let agencies: TestAgencies;
  const clerk = () => staff(1, agencies.a, 'clerk');

  /** Art. 31(1): handed in person on 27 Sep 2024; each test gets its own agencies (tag) so runs do not mix. */
  async function waiting(tag: string) {
    agencies = await seedAgencies(t.db, tag);
    const as = (today: string) => contextFor(t.db, clerk(), today);
    const inPerson = async () =>
      (await registerApplication(as('2024-09-27'), { agencyId: agencies.a, form: personForm(), intake: { channel: 'inPerson', handedInOn: '2024-09-27' } })).applicationId;
    const supplement = await inPerson();
    await requestSupplement(as('2024-09-30'), { applicationId: supplement, termEnds: '2024-10-18', whatIsMissing: '联系方式' });
    const fee = await inPerson();
    await issueFeeNotice(as('2024-09-30'), { applicationId: fee, noticeReceivedOn: '2024-09-30', charge: { standard: 'perVolume', pages: 31 } });
    const consulted = await inPerson();
    await startConsultation(as('2024-09-30'), { applicationId: consulted, party: 'thirdParty', partyName: '某公司' });
    return { supplement, fee, consulted };
  }
  const deps = (today: string, logger: JobLogger) => ({ db: t.db, clock: fixedClock(today), calendar, logger });
  const lettersOf = (applicationId: number) => t.db.selectFrom('letters').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
  const eventsOf = async (applicationId: number) =>
    (await t.db.selectFrom('application_events').select('type').where('application_id', '=', applicationId).orderBy('seq').execute()).map((e) => e.type);
  const lapsedOf = (outcome: DailyRunOutcome) => (outcome.ok ? outcome.report.lapsed.map((l) => [l.applicationId, l.event, l.on, l.letters.map((x) => x.kind)]) : outcome.error);

  it('lapses what is due and issues its 视为放弃申请告知书 once, dated the lapse day, as the scheduler; a second run does nothing', async () => {
    const apps = await waiting('R1');
    const { logger, lines } = memoryLogger();

    const first = await runDailyJobs(deps('2024-10-21', logger));
    // supplement term ended 18 Oct → lapsed 19 Oct; the fee (1 Nov) and the consultation (25 Oct) not yet
    expect(lapsedOf(first)).toEqual([[apps.supplement, 'supplementLapsed', '2024-10-19', ['supplementLapseNotice']]]);
    // the job issues only its own letters (the notice to supplement was never issued here, and is not now)
    const [lapseLetter, ...more] = await lettersOf(apps.supplement);
    expect(more).toEqual([]);
    expect([lapseLetter!.kind, lapseLetter!.title, lapseLetter!.issued_on, lapseLetter!.issued_by]).toEqual(['supplementLapseNotice', '视为放弃申请告知书', '2024-10-19', 'system:scheduler']);
    expect(lapseLetter!.body).toContain('第三十条');
    expect(lapseLetter!.body).toContain('2024年10月18日前补正');
    for (const w of ['第五十一条', '六十日内向某县人民政府申请行政复议', '六个月内', '行政诉讼']) expect(lapseLetter!.body).toContain(w);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor']).where('subject', '=', `letter:${lapseLetter!.id}`).execute();
    expect(audit).toEqual([{ action: 'letter.issued', actor: 'system:scheduler' }]);
    expect(lines).toContainEqual(expect.objectContaining({ level: 'info', message: 'lapse job done', details: expect.objectContaining({ lapsed: 1, letters: 1 }) }));

    const lettersBefore = (await t.db.selectFrom('letters').select('id').execute()).length;
    const again = await runDailyJobs(deps('2024-10-21', logger));
    expect(lapsedOf(again)).toEqual([]);
    expect((await t.db.selectFrom('letters').select('id').execute()).length).toBe(lettersBefore);
    expect(await eventsOf(apps.supplement)).toEqual(['received', 'supplementRequested', 'supplementLapsed']);

    // 4 Nov: the fee (20 working days after 30 Sep end on 1 Nov) lapses with its letter; the consultation goes on, no letter
    const later = await runDailyJobs(deps('2024-11-04', logger));
    expect(lapsedOf(later)).toEqual(
      expect.arrayContaining([
        [apps.fee, 'feeLapsed', '2024-11-02', ['feeLapseNotice']],
        [apps.consulted, 'consultationLapsed', '2024-10-26', []],
      ]),
    );
    const feeLetter = (await lettersOf(apps.fee)).find((l) => l.kind === 'feeLapseNotice')!;
    expect(feeLetter.body).toContain('应缴信息处理费10元');
    expect(feeLetter.body).toContain('《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）');
    expect(feeLetter.body).toContain('行政诉讼');
    expect(await lettersOf(apps.consulted)).toEqual([]);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('two runs at once (two processes) lapse each application once and issue one letter each', async () => {
    const apps = await waiting('R2');
    const { logger } = memoryLogger();
    const runs = await Promise.all([runDailyJobs(deps('2024-11-04', logger)), runDailyJobs(deps('2024-11-04', logger))]);
    expect(runs.every((r) => r.ok)).toBe(true);
    const all = runs.flatMap((r) => (r.ok ? r.report.lapsed.map((l) => l.applicationId) : []));
    for (const id of [apps.supplement, apps.fee, apps.consulted]) expect(all.filter((x) => x === id)).toHaveLength(1);
    expect(await eventsOf(apps.supplement)).toEqual(['received', 'supplementRequested', 'supplementLapsed']);
    expect(await eventsOf(apps.fee)).toEqual(['received', 'feeNoticeIssued', 'feeLapsed']);
    expect((await lettersOf(apps.supplement)).map((l) => l.kind)).toEqual(['supplementLapseNotice']);
    expect((await lettersOf(apps.fee)).map((l) => l.kind)).toEqual(['feeLapseNotice']);
  });

  it('a failed run is logged and returned, and the next run is still scheduled', async () => {
    const broken = await target.open();
    await broken.destroy(); // its connections are closed: every query fails
    const { logger, lines } = memoryLogger();
    const outcomes: DailyRunOutcome[] = [];
    const jobs = startDailyJobs({ db: broken.db, clock: fixedClock('2024-11-04'), calendar, logger }, { firstRunDelayMs: 1, onRun: (o) => outcomes.push(o) });
    try {
      await expect.poll(() => outcomes.length).toBe(1);
      expect(outcomes[0]!.ok).toBe(false);
      expect(lines).toContainEqual(expect.objectContaining({ level: 'error', message: 'lapse job failed' }));
      const next = jobs.nextRunAt();
      expect(next).not.toBeNull();
      // fixed clock 2024-11-04T08:00Z = 16:00 in Shanghai → next run at 00:10, 8 h 10 min later
      expect(next!.getTime() - Date.now()).toBeGreaterThan(8 * 3600_000);
    } finally {
      await jobs.stop();
      await broken.close().catch(() => undefined);
    }
    expect(jobs.nextRunAt()).toBeNull();
  });

  it('after start, the first run happens by itself; stop() clears the timer', async () => {
    const apps = await waiting('R3');
    const { logger } = memoryLogger();
    let first: (o: DailyRunOutcome) => void = () => undefined;
    const ran = new Promise<DailyRunOutcome>((resolve) => (first = resolve));
    const jobs = startDailyJobs(deps('2024-10-21', logger), { firstRunDelayMs: 5, onRun: (o) => first(o) });
    try {
      expect(jobs.nextRunAt()).not.toBeNull();
      const outcome = await ran;
      expect(outcome.ok && outcome.report.lapsed.map((l) => l.applicationId)).toContain(apps.supplement);
      expect((await lettersOf(apps.supplement)).map((l) => l.kind)).toContain('supplementLapseNotice');
    } finally {
      await jobs.stop();
    }
    expect(jobs.nextRunAt()).toBeNull();
  });
});
