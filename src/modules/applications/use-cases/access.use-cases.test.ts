/**
 * Tenant isolation and masking, on SQLite and PostgreSQL: staff of agency A calling every use case on agency B's
 * data are refused each time and nothing is stored; a supervisor reads the agencies below and changes nothing;
 * lists mask ID numbers and phones and carry the Art. 33 deadline flags.
 */
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import type { Actor } from '../applications.policy.ts';
import { approveExtension } from './approve-extension.ts';
import { archive } from './archive.ts';
import type { UseCaseContext } from './context.ts';
import { getApplication } from './get-application.ts';
import { issueFeeNotice } from './issue-fee-notice.ts';
import { lapseExpired } from './lapse-expired.ts';
import { listApplications } from './list-applications.ts';
import { recordConsultationAnswer } from './record-consultation-answer.ts';
import { recordDelivery } from './record-delivery.ts';
import { recordFeePayment } from './record-fee-payment.ts';
import { recordSupplement } from './record-supplement.ts';
import { registerApplication } from './register-application.ts';
import { reply } from './reply.ts';
import { requestSupplement } from './request-supplement.ts';
import { startConsultation } from './start-consultation.ts';
import { contextFor, personForm, refusal, seedAgencies, snapshot, staff, type TestAgencies } from './test-context.ts';
import { withdraw } from './withdraw.ts';

describe.each(testDatabases())('access and lists on $name', (target) => {
  const t = useTestDatabase(target);
  let g: TestAgencies;
  const TODAY = '2024-10-15';

  async function inB(): Promise<number> {
    g ??= await seedAgencies(t.db);
    const r = await registerApplication(contextFor(t.db, staff(9, g.b, 'clerk'), '2024-10-08'), {
      agencyId: g.b,
      form: personForm(),
      intake: { channel: 'inPerson', handedInOn: '2024-10-08' },
    });
    return r.applicationId;
  }

  it('staff of agency A are refused on every use case over agency B’s application, and nothing changes', async () => {
    const id = await inB();
    const clerkA = staff(1, g.a, 'clerk');
    const reviewerA = staff(2, g.a, 'reviewer');
    const calls: [string, Actor, (ctx: UseCaseContext) => Promise<unknown>][] = [
      ['requestSupplement', clerkA, (c) => requestSupplement(c, { applicationId: id, termEnds: '2024-10-30', whatIsMissing: '文号' })],
      ['recordSupplement', clerkA, (c) => recordSupplement(c, { applicationId: id })],
      ['startConsultation', clerkA, (c) => startConsultation(c, { applicationId: id, party: 'thirdParty' })],
      ['recordConsultationAnswer', clerkA, (c) => recordConsultationAnswer(c, { applicationId: id, answer: 'consent' })],
      ['approveExtension', reviewerA, (c) => approveExtension(c, { applicationId: id, workingDays: 5, reason: '多' })],
      ['issueFeeNotice', clerkA, (c) => issueFeeNotice(c, { applicationId: id, noticeReceivedOn: TODAY, charge: { standard: 'perVolume', pages: 60 } })],
      ['recordFeePayment', clerkA, (c) => recordFeePayment(c, { applicationId: id })],
      ['reply', clerkA, (c) => reply(c, { applicationId: id, outcome: 'disclosed', legalBasis: '《条例》第三十六条' })],
      ['recordDelivery', clerkA, (c) => recordDelivery(c, { applicationId: id })],
      ['withdraw', clerkA, (c) => withdraw(c, { applicationId: id })],
      ['archive', clerkA, (c) => archive(c, { applicationId: id })],
      ['getApplication', clerkA, (c) => getApplication(c, { applicationId: id })],
      ['listApplications', clerkA, (c) => listApplications(c, { agencyId: g.b })],
      ['lapseExpired', clerkA, (c) => lapseExpired(c, { agencyId: g.b })],
      ['registerApplication', clerkA, (c) => registerApplication(c, { agencyId: g.b, form: personForm(), intake: { channel: 'inPerson', handedInOn: TODAY } })],
    ];
    const before = await snapshot(t.db, id);
    const countBefore = await t.db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const codes: Record<string, string> = {};
    for (const [name, actor, call] of calls) codes[name] = (await refusal(call(contextFor(t.db, actor, TODAY)))).code;
    expect(codes).toEqual(Object.fromEntries(calls.map(([name]) => [name, 'access.denied'])));
    expect(await snapshot(t.db, id)).toEqual(before);
    expect(await t.db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual(countBefore);
  });

  it('a supervisor of the county reads its departments but handles nothing; an admin reads only', async () => {
    const id = await inB();
    const supervisor = contextFor(t.db, staff(5, g.parent, 'supervisor'), TODAY);
    expect((await getApplication(supervisor, { applicationId: id })).id).toBe(id);
    expect((await listApplications(supervisor, { agencyId: g.b })).total).toBeGreaterThan(0);
    expect((await refusal(reply(supervisor, { applicationId: id, outcome: 'disclosed', legalBasis: 'x' }))).code).toBe('access.denied');
    const admin = contextFor(t.db, staff(6, g.b, 'admin'), TODAY);
    expect((await getApplication(admin, { applicationId: id })).id).toBe(id);
    expect((await refusal(withdraw(admin, { applicationId: id }))).code).toBe('access.denied');
    const supervisorOfB = contextFor(t.db, staff(7, g.b, 'supervisor'), TODAY);
    expect((await refusal(getApplication(supervisorOfB, { applicationId: await registeredInA() }))).code).toBe('access.denied');
  });

  async function registeredInA(): Promise<number> {
    const r = await registerApplication(contextFor(t.db, staff(1, g.a, 'clerk'), TODAY), {
      agencyId: g.a,
      form: personForm(),
      intake: { channel: 'inPerson', handedInOn: TODAY },
    });
    return r.applicationId;
  }

  it('lists mask ID numbers and phones, order by due date and flag overdue and due-in-3-working-days', async () => {
    const own = await seedAgencies(t.db, 'L');
    const clerk = staff(11, own.a, 'clerk');
    const register = (on: string, phone: string) =>
      registerApplication(contextFor(t.db, clerk, on), {
        agencyId: own.a,
        form: personForm({ phone }),
        intake: { channel: 'inPerson', handedInOn: on },
      });
    const late = await register('2024-09-02', '010-65123456'); // due 2024-09-30 (29 Sep is a 调休 working day)
    const soon = await register('2024-09-27', '13812345678'); // due 2024-10-30
    const fresh = await register('2024-10-28', '13912345678'); // due 2024-11-25
    const page = await listApplications(contextFor(t.db, clerk, '2024-10-25'), { agencyId: own.a });
    expect(page.items.map((i) => [i.id, i.dueOn, i.overdue, i.dueSoon])).toEqual([
      [late.applicationId, '2024-09-30', true, false],
      [soon.applicationId, '2024-10-30', false, true],
      [fresh.applicationId, '2024-11-25', false, false],
    ]);
    expect(page.items[0]!.applicant).toMatchObject({ idNumber: '110101********4514', phone: '010-****3456' });
    expect(page.items[1]!.applicant.phone).toBe('138****5678');
    expect(JSON.stringify(page)).not.toContain('110101199003074514');
    await withdraw(contextFor(t.db, clerk, '2024-10-29'), { applicationId: fresh.applicationId });
    const open = await listApplications(contextFor(t.db, clerk, '2024-10-29'), { agencyId: own.a, statuses: ['registered'], receivedFrom: '2024-09-01' });
    expect(open.items.map((i) => i.id)).toEqual([late.applicationId, soon.applicationId]);
    const overdue = await listApplications(contextFor(t.db, clerk, '2024-10-25'), { agencyId: own.a, overdueOnly: true });
    expect(overdue.items.map((i) => i.id)).toEqual([late.applicationId]);
    const second = await listApplications(contextFor(t.db, clerk, '2024-10-25'), { agencyId: own.a, page: 2, pageSize: 2 });
    expect([second.total, second.items.map((i) => i.id)]).toEqual([3, [fresh.applicationId]]); // withdrawn: no due date, last
    // the staff member handling one application sees it in full
    const full = await getApplication(contextFor(t.db, clerk, '2024-10-25'), { applicationId: late.applicationId });
    expect(full.applicant).toMatchObject({ idNumber: '110101199003074514', phone: '010-65123456' });
  });
});
