/**
 * `gongkai jobs lapse` run as the operator runs it (the real bin, DATABASE_URL), on SQLite and PostgreSQL: prints
 * what lapsed and the letters issued, a second run lapses nothing, `--agency` limits it to one agency, and bad
 * arguments end with exit 2, the option named, nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFeeNotice } from '../../src/modules/applications/use-cases/issue-fee-notice.ts';
import { registerApplication } from '../../src/modules/applications/use-cases/register-application.ts';
import { requestSupplement } from '../../src/modules/applications/use-cases/request-supplement.ts';
import { contextFor, personForm, seedAgencies, staff, type TestAgencies } from '../../src/modules/applications/use-cases/test-context.ts';
import { testDatabases, type TestDatabase } from '../support/databases.ts';
import { runCli } from './run-cli.ts';

describe.each(testDatabases())('gongkai jobs lapse ($name)', (target) => {
  let handle: TestDatabase;
  let agencies: TestAgencies;
  const ids = { supplement: 0, fee: 0, otherAgency: 0 };
  const cli = (args: string[]) => runCli(['jobs', 'lapse', ...args], undefined, { DATABASE_URL: handle.url, LOG_LEVEL: 'silent' });
  const codes = { a: 'FGWJ', b: 'CZJJ' };
  const stateOf = async (id: number) => (await handle.db.selectFrom('applications').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
  const counts = async () => ({
    events: (await handle.db.selectFrom('application_events').select('id').execute()).length,
    letters: (await handle.db.selectFrom('letters').select('id').execute()).length,
    audit: (await handle.db.selectFrom('audit_log').select('id').execute()).length,
  });

  beforeAll(async () => {
    handle = await target.open();
    agencies = await seedAgencies(handle.db, 'J');
    const inPerson = async (agencyId: number) =>
      (
        await registerApplication(contextFor(handle.db, staff(1, agencyId, 'clerk'), '2024-09-27'), {
          agencyId,
          form: personForm(),
          intake: { channel: 'inPerson', handedInOn: '2024-09-27' },
        })
      ).applicationId;
    const on30 = (agencyId: number) => contextFor(handle.db, staff(1, agencyId, 'clerk'), '2024-09-30');
    ids.supplement = await inPerson(agencies.a);
    await requestSupplement(on30(agencies.a), { applicationId: ids.supplement, termEnds: '2024-10-18', whatIsMissing: '联系方式' });
    ids.fee = await inPerson(agencies.a);
    await issueFeeNotice(on30(agencies.a), { applicationId: ids.fee, noticeReceivedOn: '2024-09-30', charge: { standard: 'perVolume', pages: 31 } });
    ids.otherAgency = await inPerson(agencies.b);
    await requestSupplement(on30(agencies.b), { applicationId: ids.otherAgency, termEnds: '2024-10-18', whatIsMissing: '联系方式' });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('refuses bad arguments with exit 2, naming the option, and changes nothing', async () => {
    const before = await counts();
    const badDate = await cli(['--today', '2024-02-30']);
    expect([badDate.code, badDate.stderr]).toEqual([2, expect.stringContaining('--today：“2024-02-30”不是有效日期')]);
    const future = await cli(['--today', '2999-01-01']);
    expect([future.code, future.stderr]).toEqual([2, expect.stringContaining('--today：2999-01-01 晚于今天')]);
    const nowhere = await cli(['--agency', 'nowhere']);
    expect([nowhere.code, nowhere.stderr]).toEqual([2, expect.stringContaining('--agency：找不到代码为“nowhere”的机关')]);
    const unknown = await cli(['--yesterday']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--yesterday');
    for (const r of [badDate, future, nowhere, unknown]) expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await counts()).toEqual(before);
    expect(await stateOf(ids.supplement)).toBe('awaitingSupplement');
  });

  it('lapses one agency as of a day, printing each application and its letter; a second run lapses nothing', async () => {
    const first = await cli(['--agency', codes.a, '--today', '2024-10-21']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('期限检查（2024-10-21）：2 件申请');
    expect(first.stdout).toMatch(new RegExp(`[A-Z0-9]{12}（申请编号 ${ids.supplement}）：逾期未补正，视为放弃申请（《条例》第三十条），自 2024-10-19 起；已出具视为放弃申请告知书`));
    expect(first.stdout).toContain('共 1 件，出具告知书 1 份。');
    expect(await stateOf(ids.supplement)).toBe('abandoned');
    expect(await stateOf(ids.fee)).toBe('awaitingFee'); // its 20 working days end on 1 Nov
    expect(await stateOf(ids.otherAgency)).toBe('awaitingSupplement'); // another agency
    const letter = await handle.db.selectFrom('letters').select(['kind', 'issued_by']).where('application_id', '=', ids.supplement).execute();
    expect(letter).toEqual([{ kind: 'supplementLapseNotice', issued_by: 'system:cli' }]);

    const before = await counts();
    const again = await cli(['--agency', codes.a, '--today', '2024-10-21']);
    expect([again.code, again.stdout]).toEqual([0, expect.stringContaining('没有期限届满的申请。')]);
    expect(await counts()).toEqual(before);
  });

  it('without options: every agency, as of today', async () => {
    const run = await cli([]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`（申请编号 ${ids.fee}）：逾期未缴纳信息处理费，视为放弃申请`);
    expect(run.stdout).toContain(`（申请编号 ${ids.otherAgency}）：逾期未补正`);
    expect(run.stdout).toContain('共 2 件，出具告知书 2 份。');
    expect([await stateOf(ids.fee), await stateOf(ids.otherAgency)]).toEqual(['abandoned', 'abandoned']);
  });
});
