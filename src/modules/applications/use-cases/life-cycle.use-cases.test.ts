/**
 * The life cycle through the use cases, on SQLite and PostgreSQL: each rule of the law walked end to end with
 * concrete dates across the 2024 National Day holiday (1-7 October; 29 September and 12 October are 调休 working
 * days), asserting what is stored. The date arithmetic itself is tested in domain/.
 */
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import { approveExtension } from './approve-extension.ts';
import { archive } from './archive.ts';
import { getApplication } from './get-application.ts';
import { issueFeeNotice } from './issue-fee-notice.ts';
import { lapseExpired } from './lapse-expired.ts';
import { lookupStatus } from './lookup-status.ts';
import { recordConsultationAnswer } from './record-consultation-answer.ts';
import { recordDelivery } from './record-delivery.ts';
import { recordFeePayment } from './record-fee-payment.ts';
import { recordSupplement } from './record-supplement.ts';
import { registerApplication } from './register-application.ts';
import { reply } from './reply.ts';
import { requestSupplement } from './request-supplement.ts';
import { startConsultation } from './start-consultation.ts';
import { contextFor, personForm, refusal, seedAgencies, staff, type TestAgencies } from './test-context.ts';
import { withdraw } from './withdraw.ts';

describe.each(testDatabases())('application life cycle on $name', (target) => {
  const t = useTestDatabase(target);
  let agencies: TestAgencies;
  const clerk = () => staff(1, agencies.a, 'clerk');
  const reviewer = () => staff(2, agencies.a, 'reviewer');
  const as = (actor: ReturnType<typeof clerk>, today: string) => contextFor(t.db, actor, today);

  /** Art. 31(1): handed in person on `on`. */
  async function inPerson(on: string, form: Record<string, unknown> = personForm()) {
    agencies ??= await seedAgencies(t.db);
    return registerApplication(as(clerk(), on), { agencyId: agencies.a, form, intake: { channel: 'inPerson', handedInOn: on } });
  }
  const stored = (id: number) => t.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('Art. 29/31: an online submission by the public is received today, with a tracking code, a hashed secret and an audit entry', async () => {
    agencies ??= await seedAgencies(t.db);
    const r = await registerApplication(contextFor(t.db, { kind: 'public' }, '2024-09-27'), { agencyId: agencies.a, form: personForm() });
    expect(r.trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    expect(r.secret).toMatch(/^[2-9A-HJ-NP-Z]{16}$/);
    expect([r.receivedOn, r.dueOn]).toEqual(['2024-09-27', '2024-10-30']);
    const row = await stored(r.applicationId);
    expect(row).toMatchObject({ channel: 'online', received_on: '2024-09-27', due_on: '2024-10-30', state: 'registered', year: 2024 });
    expect(row.secret_hash).not.toContain(r.secret);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('subject', '=', `application:${r.applicationId}`).execute();
    expect(audit.map((a) => a.action)).toEqual(['application.registered']);
  });

  it('an organisation registered by registered post counts in its table 三 column, with its credit code', async () => {
    agencies ??= await seedAgencies(t.db);
    const org = { type: 'organisation', orgType: 'other', name: '某协会', creditCode: '91350100M000100Y43', contactName: '李四', phone: '0591-87654321' };
    const r = await registerApplication(as(clerk(), '2024-10-09'), {
      agencyId: agencies.a,
      form: { applicant: org, description: '采购合同' },
      intake: { channel: 'registeredPost', signedForOn: '2024-10-08' },
    });
    expect(await stored(r.applicationId)).toMatchObject({
      applicant_type: 'otherOrg',
      org_credit_code: '91350100M000100Y43',
      org_contact_name: '李四',
      id_number: null,
      channel: 'registeredPost',
      received_on: '2024-10-08',
      form: '',
      delivery: '',
    });
  });

  it('Art. 33: 20 working days from receipt skip the National Day holiday and count the 调休 days (stored due date)', async () => {
    const r = await inPerson('2024-09-27');
    expect((await stored(r.applicationId)).due_on).toBe('2024-10-30');
  });

  it('Art. 30: after a supplement the 20 working days run from its arrival; no due date while waiting', async () => {
    const r = await inPerson('2024-09-27');
    await requestSupplement(as(clerk(), '2024-09-30'), { applicationId: r.applicationId, termEnds: '2024-10-18', whatIsMissing: '文件名称或文号' });
    expect(await stored(r.applicationId)).toMatchObject({ state: 'awaitingSupplement', due_on: null });
    await recordSupplement(as(clerk(), '2024-10-10'), { applicationId: r.applicationId });
    expect(await stored(r.applicationId)).toMatchObject({ state: 'registered', due_on: '2024-11-06' });
    const detail = await getApplication(as(clerk(), '2024-10-10'), { applicationId: r.applicationId });
    expect(detail.supplement).toEqual({ requestedOn: '2024-09-30', termEnds: '2024-10-18', suppliedOn: '2024-10-10' });
    expect(detail.history.map((h) => [h.label, h.on])).toEqual([
      ['收到申请', '2024-09-27'],
      ['告知补正', '2024-09-30'],
      ['申请人补正', '2024-10-10'],
    ]);
    expect(detail.history[1]!.details).toEqual({ termEnds: '2024-10-18', whatIsMissing: '文件名称或文号' });
  });

  it('Art. 33: one extension of 20 working days approved by a reviewer moves the due date to 2024-11-27', async () => {
    const r = await inPerson('2024-09-27');
    const d = await approveExtension(as(reviewer(), '2024-10-15'), { applicationId: r.applicationId, workingDays: 20, reason: '信息量大' });
    expect(d.extension).toMatchObject({ approvedOn: '2024-10-15', workingDays: 20, approverRole: 'reviewer' });
    expect((await stored(r.applicationId)).due_on).toBe('2024-11-27');
  });

  it('Art. 32/33: consulting a third party stops the clock (8-15 October: 6 working days) → 2024-11-07', async () => {
    const r = await inPerson('2024-09-27');
    await startConsultation(as(clerk(), '2024-10-08'), { applicationId: r.applicationId, party: 'thirdParty', partyName: '某公司' });
    expect(await stored(r.applicationId)).toMatchObject({ state: 'inConsultation', due_on: null });
    await recordConsultationAnswer(as(clerk(), '2024-10-15'), { applicationId: r.applicationId, answer: 'refusal' });
    expect(await stored(r.applicationId)).toMatchObject({ state: 'registered', due_on: '2024-11-07' });
  });

  it('办法: fee notice, payment, reply, delivery and archive; the public lookup shows the reply once sent', async () => {
    const r = await inPerson('2024-09-27');
    const before = await lookupStatus(as(clerk(), '2024-10-08'), { trackingCode: r.trackingCode, secret: r.secret });
    expect(before).toMatchObject({ status: 'registered', dueOn: '2024-10-30', reply: null });
    const noticed = await issueFeeNotice(as(clerk(), '2024-10-09'), {
      applicationId: r.applicationId,
      on: '2024-10-08',
      noticeReceivedOn: '2024-10-09',
      charge: { standard: 'perVolume', pages: 50 },
    });
    expect(noticed.fee).toMatchObject({ amount: 200, paidOn: null });
    expect(await stored(r.applicationId)).toMatchObject({ state: 'awaitingFee', due_on: null });
    await recordFeePayment(as(clerk(), '2024-10-11'), { applicationId: r.applicationId });
    // the days from the notice (8 Oct) to the payment (11 Oct) are the applicant's: 9, 10, 11 October do not count
    expect((await stored(r.applicationId)).due_on).toBe('2024-11-04');
    await reply(as(clerk(), '2024-10-21'), { applicationId: r.applicationId, outcome: 'disclosed', legalBasis: '《条例》第三十六条第（二）项' });
    expect(await stored(r.applicationId)).toMatchObject({ state: 'replied', outcome: 'disclosed', closed_on: '2024-10-21' });
    const after = await lookupStatus(as(clerk(), '2024-10-22'), { trackingCode: r.trackingCode.toLowerCase(), secret: r.secret });
    expect(after.reply).toEqual({ on: '2024-10-21', outcome: 'disclosed', outcomeLabel: '予以公开', legalBasis: '《条例》第三十六条第（二）项' });
    await recordDelivery(as(clerk(), '2024-10-22'), { applicationId: r.applicationId, channel: 'post' });
    const archived = await archive(as(clerk(), '2024-10-23'), { applicationId: r.applicationId });
    expect(archived.status).toBe('archived');
    expect(archived.history.map((h) => h.type)).toEqual(['received', 'feeNoticeIssued', 'feePaid', 'replied', 'delivered', 'archived']);
  });

  it('the public lookup answers a wrong code and a wrong secret alike', async () => {
    const r = await inPerson('2024-09-27');
    const wrongSecret = await refusal(lookupStatus(as(clerk(), '2024-10-08'), { trackingCode: r.trackingCode, secret: 'ABCDEFGHJKMNPQRS' }));
    const wrongCode = await refusal(lookupStatus(as(clerk(), '2024-10-08'), { trackingCode: 'ZZZZZZZZZZZZ', secret: r.secret }));
    expect([wrongSecret.code, wrongSecret.message]).toEqual([wrongCode.code, wrongCode.message]);
    expect(wrongCode.code).toBe('application.notFound');
  });

  it('withdrawal closes the application under （六）3 其他', async () => {
    const r = await inPerson('2024-09-27');
    await withdraw(as(clerk(), '2024-10-09'), { applicationId: r.applicationId });
    expect(await stored(r.applicationId)).toMatchObject({ state: 'withdrawn', outcome: 'other.misc', closed_on: '2024-10-09', due_on: null });
  });

  it('Art. 30 and 办法: the lapse job deems abandoned the day after the term, and lapses a silent consultation', async () => {
    const supplement = await inPerson('2024-09-27');
    await requestSupplement(as(clerk(), '2024-09-30'), { applicationId: supplement.applicationId, termEnds: '2024-10-18', whatIsMissing: '联系方式' });
    const fee = await inPerson('2024-09-27');
    await issueFeeNotice(as(clerk(), '2024-09-30'), { applicationId: fee.applicationId, noticeReceivedOn: '2024-09-30', charge: { standard: 'perVolume', pages: 31 } });
    const consulted = await inPerson('2024-09-27');
    await startConsultation(as(clerk(), '2024-09-30'), { applicationId: consulted.applicationId, party: 'otherAgency' });
    const job = contextFor(t.db, { kind: 'system', name: 'lapse' }, '2024-10-21');

    const first = await lapseExpired(job, { agencyId: agencies.a });
    // supplement term ended 18 Oct → lapsed 19 Oct; fee: 20 working days after 30 Sep end on 1 Nov, not yet;
    // consultation: 15 working days after 30 Sep end on 25 Oct, not yet
    expect(first.lapsed).toEqual([{ applicationId: supplement.applicationId, event: 'supplementLapsed', on: '2024-10-19' }]);
    expect(await stored(supplement.applicationId)).toMatchObject({ state: 'abandoned', outcome: 'other.noSupplement', closed_on: '2024-10-19' });
    expect((await stored(fee.applicationId)).state).toBe('awaitingFee');

    const later = await lapseExpired(contextFor(t.db, { kind: 'system', name: 'lapse' }, '2024-11-04'));
    expect(later.lapsed).toEqual(
      expect.arrayContaining([
        { applicationId: fee.applicationId, event: 'feeLapsed', on: '2024-11-02' },
        { applicationId: consulted.applicationId, event: 'consultationLapsed', on: '2024-10-26' },
      ]),
    );
    expect(await stored(fee.applicationId)).toMatchObject({ state: 'abandoned', outcome: 'other.feeUnpaid', closed_on: '2024-11-02' });
    expect((await stored(consulted.applicationId)).state).toBe('registered');
    const clerkRefused = await refusal(lapseExpired(as(clerk(), '2024-11-01'), { agencyId: agencies.a }));
    expect(clerkRefused.code).toBe('access.denied');
  });

  it('the lapse job goes on past an application it cannot judge, and names it', async () => {
    const fee = await inPerson('2024-09-27');
    await issueFeeNotice(as(clerk(), '2024-09-30'), { applicationId: fee.applicationId, noticeReceivedOn: '2024-09-30', charge: { standard: 'perVolume', pages: 31 } });
    const supplement = await inPerson('2024-09-27');
    await requestSupplement(as(clerk(), '2024-09-30'), { applicationId: supplement.applicationId, termEnds: '2024-10-18', whatIsMissing: '联系方式' });
    const job = contextFor(t.db, { kind: 'system', name: 'lapse' }, '2024-11-04');
    // the fee's term (from the notice on 30 Sep) cannot be counted, as when the holiday data of a year is missing
    const broken = {
      ...job,
      calendar: Object.assign(Object.create(job.calendar) as typeof job.calendar, {
        addWorkingDays: (from: string, days: number) => {
          if (from === '2024-09-30') throw new Error('没有2024年的节假日数据');
          return job.calendar.addWorkingDays(from, days);
        },
      }),
    };
    const result = await lapseExpired(broken, { agencyId: agencies.a });
    expect(result.failed).toEqual(expect.arrayContaining([{ applicationId: fee.applicationId, message: '没有2024年的节假日数据' }]));
    expect(result.lapsed).toEqual(expect.arrayContaining([{ applicationId: supplement.applicationId, event: 'supplementLapsed', on: '2024-10-19' }]));
    expect((await stored(fee.applicationId)).state).toBe('awaitingFee');
  });
});
