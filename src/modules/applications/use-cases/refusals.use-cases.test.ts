/**
 * Every refused step and malformed input: refused with its own code, and nothing stored (the application row, its
 * events and the audit chain are exactly as before). On SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import { approveExtension } from './approve-extension.ts';
import { archive } from './archive.ts';
import { issueFeeNotice } from './issue-fee-notice.ts';
import { recordConsultationAnswer } from './record-consultation-answer.ts';
import { recordDelivery } from './record-delivery.ts';
import { recordFeePayment } from './record-fee-payment.ts';
import { recordSupplement } from './record-supplement.ts';
import { registerApplication } from './register-application.ts';
import { reply } from './reply.ts';
import { requestSupplement } from './request-supplement.ts';
import { startConsultation } from './start-consultation.ts';
import { contextFor, personForm, refusal, seedAgencies, snapshot, staff, type TestAgencies } from './test-context.ts';
import type { UseCaseContext } from './context.ts';

type Call = (ctx: UseCaseContext, input: unknown) => Promise<unknown>;

describe.each(testDatabases())('refused steps on $name', (target) => {
  const t = useTestDatabase(target);
  let agencies: TestAgencies;
  const clerk = () => staff(1, agencies.a, 'clerk');
  const reviewer = () => staff(2, agencies.a, 'reviewer');
  const TODAY = '2024-10-15';

  async function registered(): Promise<number> {
    agencies ??= await seedAgencies(t.db);
    const ctx = contextFor(t.db, clerk(), '2024-09-27');
    const r = await registerApplication(ctx, { agencyId: agencies.a, form: personForm(), intake: { channel: 'inPerson', handedInOn: '2024-09-27' } });
    return r.applicationId;
  }

  /** Runs a step that must be refused with `code` and leave every stored row unchanged. */
  async function expectRefused(applicationId: number, call: Call, input: Record<string, unknown>, code: string, actor = clerk()) {
    const before = await snapshot(t.db, applicationId);
    const error = await refusal(call(contextFor(t.db, actor, TODAY), { applicationId, ...input }));
    expect(error.code).toBe(code);
    expect(await snapshot(t.db, applicationId)).toEqual(before);
    return error;
  }

  it('a reply without an outcome, with an unknown outcome, or without a legal basis', async () => {
    const id = await registered();
    const missing = await expectRefused(id, reply, { legalBasis: '《条例》第三十六条' }, 'input.invalid');
    expect(missing.details['issues']).toEqual([expect.objectContaining({ path: 'outcome', message: '请选择一个办理结果' })]);
    const unknown = await expectRefused(id, reply, { outcome: 'approvedMostly', legalBasis: '《条例》第三十六条' }, 'input.invalid');
    expect(unknown.details['issues']).toEqual([expect.objectContaining({ path: 'outcome' })]);
    await expectRefused(id, reply, { outcome: 'disclosed', legalBasis: '  ' }, 'application.reply.legalBasisMissing');
    await expectRefused(id, reply, { outcome: 'other.feeUnpaid', legalBasis: '办法' }, 'application.reply.outcomeReserved');
    await expectRefused(id, reply, { outcome: 'unavailable.unclearAfterSupplement', legalBasis: '《条例》第三十条' }, 'application.reply.noSupplementGiven');
  });

  it('a step dated in the future, or before the previous step, or on a date that does not exist', async () => {
    const id = await registered();
    await expectRefused(id, reply, { on: '2024-10-16', outcome: 'disclosed', legalBasis: '《条例》第三十六条' }, 'application.event.inFuture');
    await expectRefused(id, reply, { on: '2024-09-20', outcome: 'disclosed', legalBasis: '《条例》第三十六条' }, 'application.event.beforePrevious');
    const bad = await expectRefused(id, reply, { on: '2024-02-30', outcome: 'disclosed', legalBasis: 'x' }, 'input.invalid');
    expect(bad.details['issues']).toEqual([expect.objectContaining({ path: 'on' })]);
  });

  it('Art. 33: a second extension, one too long, and one approved by a clerk', async () => {
    const id = await registered();
    await expectRefused(id, approveExtension, { workingDays: 21, reason: '信息量大' }, 'application.extension.tooLong', reviewer());
    await expectRefused(id, approveExtension, { workingDays: 10, reason: '信息量大' }, 'access.denied', clerk());
    await approveExtension(contextFor(t.db, reviewer(), '2024-10-14'), { applicationId: id, workingDays: 10, reason: '信息量大' });
    await expectRefused(id, approveExtension, { workingDays: 5, reason: '再次延期' }, 'application.extension.alreadyApproved', reviewer());
  });

  it('Art. 30: a second notice to supplement, one after 7 working days, and a lapse before the term ends', async () => {
    const late = await registered();
    // 7 working days after 27 Sep end on 12 Oct (29 Sep and 12 Oct are 调休 working days)
    await expectRefused(late, requestSupplement, { termEnds: '2024-10-30', whatIsMissing: '文号' }, 'application.supplement.tooLate');
    const id = await registered();
    await requestSupplement(contextFor(t.db, clerk(), '2024-10-08'), { applicationId: id, termEnds: '2024-10-25', whatIsMissing: '文号' });
    await expectRefused(id, requestSupplement, { termEnds: '2024-10-30', whatIsMissing: '文号' }, 'application.supplement.alreadyRequested');
    await expectRefused(id, reply, { outcome: 'disclosed', legalBasis: '《条例》第三十六条' }, 'application.event.notAllowed');
  });

  it('steps the status does not allow: payment without a notice, delivery before a reply, archive while open, answer without a consultation', async () => {
    const id = await registered();
    await expectRefused(id, recordFeePayment, {}, 'application.event.notAllowed');
    await expectRefused(id, recordDelivery, {}, 'application.event.notAllowed');
    await expectRefused(id, archive, {}, 'application.event.notAllowed');
    await expectRefused(id, recordConsultationAnswer, { answer: 'consent' }, 'application.event.notAllowed');
    await expectRefused(id, recordSupplement, {}, 'application.event.notAllowed');
  });

  it('Art. 32/34: a consultation cannot be recorded as lapsed before its 15 working days have passed', async () => {
    const id = await registered();
    await startConsultation(contextFor(t.db, clerk(), '2024-10-08'), { applicationId: id, party: 'thirdParty' });
    await expectRefused(id, recordConsultationAnswer, { answer: 'lapsed' }, 'application.consultation.notLapsed');
  });

  it('two staff replying to the same application at once: one reply is stored, the other refused', async () => {
    const id = await registered();
    const replyOnce = (basis: string) =>
      reply(contextFor(t.db, clerk(), TODAY), { applicationId: id, outcome: 'disclosed', legalBasis: basis }).then(
        () => 'stored',
        (e: { code?: string }) => e.code ?? 'crashed',
      );
    const outcomes = await Promise.all([replyOnce('《条例》第三十六条'), replyOnce('《条例》第三十六条第（二）项')]);
    expect(outcomes.sort()).toEqual(['application.event.notAllowed', 'stored']);
    const events = await t.db.selectFrom('application_events').select('type').where('application_id', '=', id).execute();
    expect(events.map((e) => e.type)).toEqual(['received', 'replied']);
  });

  it('办法: a fee within the free quantity, and a fee notice with a malformed charge', async () => {
    const id = await registered();
    await expectRefused(id, issueFeeNotice, { noticeReceivedOn: TODAY, charge: { standard: 'perVolume', pages: 30 } }, 'application.fee.nothingDue');
    await expectRefused(id, issueFeeNotice, { noticeReceivedOn: TODAY, charge: { standard: 'perPage', pages: 30 } }, 'input.invalid');
    await expectRefused(id, issueFeeNotice, { noticeReceivedOn: TODAY, charge: { standard: 'perVolume', pages: 2.5 } }, 'fee.invalidQuantity');
  });

  it('an archived application takes no step at all', async () => {
    const id = await registered();
    await reply(contextFor(t.db, clerk(), '2024-10-09'), { applicationId: id, outcome: 'unavailable.notHeld', legalBasis: '《条例》第三十六条第（四）项' });
    await recordDelivery(contextFor(t.db, clerk(), '2024-10-10'), { applicationId: id });
    await archive(contextFor(t.db, clerk(), '2024-10-11'), { applicationId: id });
    await expectRefused(id, recordDelivery, {}, 'application.archived');
  });

  it('a step on an application that does not exist', async () => {
    agencies ??= await seedAgencies(t.db);
    const error = await refusal(reply(contextFor(t.db, clerk(), TODAY), { applicationId: 999999, outcome: 'disclosed', legalBasis: 'x' }));
    expect(error.code).toBe('application.notFound');
  });

  describe('malformed registrations store nothing', () => {
    const count = async () => Number((await t.db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    async function refusedRegistration(input: Record<string, unknown>, today = TODAY) {
      agencies ??= await seedAgencies(t.db);
      const before = await count();
      const error = await refusal(registerApplication(contextFor(t.db, clerk(), today), { agencyId: agencies.a, ...input }));
      expect(await count()).toBe(before);
      return error;
    }

    it('a wrong check character in the ID number names the field and the specific check', async () => {
      const error = await refusedRegistration({ form: personForm({ idNumber: '110101199003074515' }) });
      expect(error.code).toBe('input.invalid');
      expect(error.message).toBe('身份证号码校验位不正确');
      expect(error.details['issues']).toEqual([
        { path: 'form.applicant.idNumber', message: '身份证号码校验位不正确', code: 'applicant.idNumber.checkDigit' },
      ]);
    });

    it('a wrong credit code, a phone without area code, an unknown applicant type, an empty description', async () => {
      const org = { type: 'organisation', orgType: 'business', name: '某公司', creditCode: '91350100M000100Y44', contactName: '李四', phone: '65123456' };
      const e1 = await refusedRegistration({ form: { applicant: org, description: '预算' } });
      expect(e1.details['issues']).toEqual([
        expect.objectContaining({ path: 'form.applicant.creditCode', code: 'applicant.creditCode.checkDigit' }),
        expect.objectContaining({ path: 'form.applicant.phone', code: 'applicant.phone.areaCode' }),
      ]);
      const e2 = await refusedRegistration({ form: { ...personForm(), applicant: { type: 'robot', name: 'x' } } });
      expect(e2.details['issues']).toEqual([expect.objectContaining({ path: 'form.applicant.type' })]);
      const e3 = await refusedRegistration({ form: { ...personForm(), description: '   ' } });
      expect(e3.details['issues']).toEqual([expect.objectContaining({ path: 'form.description', message: '请填写所需政府信息的描述' })]);
    });

    it('a receipt date in the future, and an ordinary letter not yet confirmed (Art. 31)', async () => {
      const future = await refusedRegistration({ form: personForm(), intake: { channel: 'inPerson', handedInOn: '2024-10-16' } });
      expect(future.code).toBe('application.event.inFuture');
      const unconfirmed = await refusedRegistration({
        form: personForm(),
        intake: { channel: 'ordinaryPost', arrivedOn: '2024-10-14', confirmedWithApplicantOn: null },
      });
      expect(unconfirmed.code).toBe('application.receipt.notConfirmed');
    });

    it('a receipt date in a year without holiday data', async () => {
      const error = await refusedRegistration({ form: personForm(), intake: { channel: 'inPerson', handedInOn: '2026-12-30' } }, '2026-12-31');
      expect(error.code).toBe('calendar.yearUnknown');
    });
  });
});
