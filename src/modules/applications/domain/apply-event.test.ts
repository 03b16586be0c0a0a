/**
 * The rules of the life cycle, one by one, on the real working-day calendar. Received 2023-09-28 (Thu), just
 * before the National Day week (09-29..10-06 off, 10-07 and 10-08 worked): its reply term ends 2023-11-01.
 */
import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import type { ErrorCode } from '../../../errors.ts';
import { applyEvent, replayEvents } from './apply-event.ts';
import type { ApplicationEvent, EventType } from './events.ts';
import { openApplication } from './state.ts';
import type { ApplicationState, Intake, Status } from './state.ts';
import { STATUSES } from './state.ts';
import { TRANSITIONS } from './transitions.ts';

const calendar = loadCalendar();
const TODAY = '2026-06-30';

function received(on = '2023-09-28', extra: Partial<Intake> = {}): ApplicationState {
  const opened = openApplication(
    { applicantType: 'naturalPerson', facts: { channel: 'inPerson', handedInOn: on }, ...extra },
    TODAY,
  );
  if (!opened.ok) throw opened.error;
  return opened.value;
}

function run(events: ApplicationEvent[], start = received()): ApplicationState {
  const result = replayEvents(start, events, calendar, TODAY);
  if (!result.ok) throw result.error;
  return result.value;
}

function refusal(state: ApplicationState, event: ApplicationEvent, today = TODAY): ErrorCode {
  const result = applyEvent(state, event, calendar, today);
  if (result.ok) throw new Error(`expected ${event.type} to be refused in ${state.status}`);
  return result.error.code;
}

const REPLY: ApplicationEvent = { type: 'replied', date: '2023-10-09', outcome: 'disclosed', legalBasis: '《条例》第三十六条第（二）项' };

/** A way to reach each status from a fresh application. */
const PATHS: Record<Status, ApplicationEvent[]> = {
  registered: [],
  awaitingSupplement: [{ type: 'supplementRequested', date: '2023-10-09', termEnds: '2023-10-23' }],
  inConsultation: [{ type: 'consultationStarted', date: '2023-10-09', party: 'thirdParty' }],
  awaitingFee: [
    { type: 'feeNoticeIssued', date: '2023-10-09', noticeReceivedOn: '2023-10-09', charge: { standard: 'perVolume', pages: 50 } },
  ],
  replied: [REPLY],
  delivered: [REPLY, { type: 'delivered', date: '2023-10-10', channel: 'post' }],
  archived: [REPLY, { type: 'delivered', date: '2023-10-10' }, { type: 'archived', date: '2023-10-11' }],
  withdrawn: [{ type: 'withdrawn', date: '2023-10-09' }],
  abandoned: [
    { type: 'supplementRequested', date: '2023-10-09', termEnds: '2023-10-11' },
    { type: 'supplementLapsed', date: '2023-10-12' },
  ],
};

/** One event of each type, dated after every path above. */
const SAMPLES: Record<EventType, ApplicationEvent> = {
  supplementRequested: { type: 'supplementRequested', date: '2023-10-12', termEnds: '2023-10-30' },
  supplemented: { type: 'supplemented', date: '2023-10-12' },
  supplementLapsed: { type: 'supplementLapsed', date: '2023-10-12' },
  consultationStarted: { type: 'consultationStarted', date: '2023-10-12', party: 'otherAgency' },
  consultationAnswered: { type: 'consultationAnswered', date: '2023-10-12' },
  consultationLapsed: { type: 'consultationLapsed', date: '2023-10-12' },
  extensionApproved: { type: 'extensionApproved', date: '2023-10-12', workingDays: 10, approverRole: 'reviewer' },
  feeNoticeIssued: {
    type: 'feeNoticeIssued',
    date: '2023-10-12',
    noticeReceivedOn: '2023-10-12',
    charge: { standard: 'perApplication', nthInMonth: 12 },
  },
  feePaid: { type: 'feePaid', date: '2023-10-12' },
  feeLapsed: { type: 'feeLapsed', date: '2023-10-12' },
  replied: { ...REPLY, date: '2023-10-12' },
  delivered: { type: 'delivered', date: '2023-10-12' },
  archived: { type: 'archived', date: '2023-10-12' },
  withdrawn: { type: 'withdrawn', date: '2023-10-12' },
};

describe('the transition table', () => {
  const states = Object.fromEntries(STATUSES.map((s) => [s, run(PATHS[s])])) as Record<Status, ApplicationState>;

  it('each path reaches its status', () => {
    for (const status of STATUSES) expect(states[status].status).toBe(status);
  });

  it('every event outside the table is refused with a specific code', () => {
    let refused = 0;
    for (const status of STATUSES) {
      for (const type of Object.keys(TRANSITIONS) as EventType[]) {
        if (TRANSITIONS[type].from.includes(status)) continue;
        const state = states[status];
        const expected: ErrorCode =
          status === 'archived'
            ? 'application.archived' // nothing after archive
            : type === 'supplementRequested' && state.supplement !== null
              ? 'application.supplement.alreadyRequested'
              : type === 'feeNoticeIssued' && state.fee !== null
                ? 'application.fee.alreadyIssued'
                : 'application.event.notAllowed';
        expect(refusal(state, SAMPLES[type]), `${type} in ${status}`).toBe(expected);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(80);
  });

  it('a refused event leaves the state as it was', () => {
    const state = states.registered;
    const before = JSON.stringify(state);
    refusal(state, SAMPLES.feePaid);
    expect(JSON.stringify(state)).toBe(before);
  });
});

describe('event dates', () => {
  it('not before the previous event, not in the future, and a real date', () => {
    const state = run([{ type: 'consultationStarted', date: '2023-10-10', party: 'thirdParty' }]);
    expect(refusal(state, { type: 'consultationAnswered', date: '2023-10-09' })).toBe('application.event.beforePrevious');
    expect(refusal(state, { type: 'consultationAnswered', date: '2023-10-12' }, '2023-10-11')).toBe('application.event.inFuture');
    expect(refusal(state, { type: 'consultationAnswered', date: '2023-02-30' })).toBe('input.invalidDate');
  });

  it('not before receipt', () => {
    expect(refusal(received(), { type: 'withdrawn', date: '2023-09-27' })).toBe('application.event.beforePrevious');
  });

  it.each([{ type: 'approved', date: '2023-10-09' }, { type: 'toString', date: '2023-10-09' }, {}, null])(
    'an unknown event (%j) is refused, not a crash',
    (event) => {
      expect(refusal(received(), event as unknown as ApplicationEvent)).toBe('application.event.unknown');
    },
  );

  it('a date beyond the loaded holiday years is an explicit calendar error, not a guess', () => {
    const last = calendar.years.to;
    const opened = openApplication({ applicantType: 'business', facts: { channel: 'inPerson', handedInOn: `${last}-12-20` } }, `${last}-12-31`);
    if (!opened.ok) throw opened.error;
    // the reply term of 12-20 of the last loaded year ends in the next year, for which there is no holiday data
    const event: ApplicationEvent = { type: 'extensionApproved', date: `${last}-12-21`, workingDays: 5, approverRole: 'reviewer' };
    const result = applyEvent(opened.value, event, calendar, `${last}-12-31`);
    expect(result.ok ? null : result.error.code).toBe('calendar.yearUnknown');
  });
});

describe('Art. 30: the notice to supplement', () => {
  it('is given within 7 working days of receipt: 2023-10-13 is the last day, 10-16 too late', () => {
    // 10-07(1) 10-08(2) 10-09(3) 10-10(4) 10-11(5) 10-12(6) 10-13(7)
    expect(run([{ type: 'supplementRequested', date: '2023-10-13', termEnds: '2023-10-27' }]).status).toBe('awaitingSupplement');
    const result = applyEvent(received(), { type: 'supplementRequested', date: '2023-10-16', termEnds: '2023-10-30' }, calendar, TODAY);
    expect(result.ok ? null : [result.error.code, result.error.details.lastDay]).toEqual(['application.supplement.tooLate', '2023-10-13']);
  });

  it('is given only once, even after the supplement arrived', () => {
    const state = run([
      { type: 'supplementRequested', date: '2023-10-09', termEnds: '2023-10-23' },
      { type: 'supplemented', date: '2023-10-11' },
    ]);
    expect(state.status).toBe('registered');
    expect(refusal(state, { type: 'supplementRequested', date: '2023-10-12', termEnds: '2023-10-26' })).toBe(
      'application.supplement.alreadyRequested',
    );
  });

  it('sets a term that ends after the notice', () => {
    expect(refusal(received(), { type: 'supplementRequested', date: '2023-10-09', termEnds: '2023-10-09' })).toBe(
      'application.supplement.termInvalid',
    );
  });

  it('no supplement in time: deemed abandoned (other.noSupplement), only after the term ends', () => {
    const waiting = run(PATHS.awaitingSupplement); // term ends 2023-10-23
    expect(refusal(waiting, { type: 'supplementLapsed', date: '2023-10-23' })).toBe('application.supplement.notLapsed');
    const lapsed = run([{ type: 'supplementLapsed', date: '2023-10-24' }], waiting);
    expect([lapsed.status, lapsed.outcome, lapsed.closure, lapsed.closedOn]).toEqual([
      'abandoned',
      'other.noSupplement',
      'abandonment',
      '2023-10-24',
    ]);
  });

  it('“still unclear after supplement” needs a supplement to have been given', () => {
    const event: ApplicationEvent = { type: 'replied', date: '2023-10-12', outcome: 'unavailable.unclearAfterSupplement', legalBasis: '《条例》第三十条' };
    expect(refusal(received(), event)).toBe('application.reply.noSupplementGiven');
    const supplied = run([
      { type: 'supplementRequested', date: '2023-10-09', termEnds: '2023-10-23' },
      { type: 'supplemented', date: '2023-10-11' },
    ]);
    expect(run([event], supplied).outcome).toBe('unavailable.unclearAfterSupplement');
  });
});

describe('Art. 32/34: consultation', () => {
  const consulting = run([{ type: 'consultationStarted', date: '2023-10-09', party: 'thirdParty' }]);

  it('the consulted party has 15 working days: a lapse is recorded only after 2023-10-30', () => {
    // 10-10..13(1-4) 10-16..20(5-9) 10-23..27(10-14) 10-30(15)
    expect(refusal(consulting, { type: 'consultationLapsed', date: '2023-10-30' })).toBe('application.consultation.notLapsed');
    const lapsed = run([{ type: 'consultationLapsed', date: '2023-10-31' }], consulting);
    expect(lapsed.status).toBe('registered');
    expect(lapsed.consultations).toEqual([{ party: 'thirdParty', startedOn: '2023-10-09', endedOn: '2023-10-31', lapsed: true }]);
  });

  it('no reply while consulting', () => {
    expect(refusal(consulting, { ...REPLY, date: '2023-10-10' })).toBe('application.event.notAllowed');
  });
});

describe('Art. 33: the one extension', () => {
  const ok: ApplicationEvent = { type: 'extensionApproved', date: '2023-10-20', workingDays: 20, approverRole: 'reviewer' };

  it('approved by a reviewer, at most 20 working days', () => {
    expect(run([ok]).extension).toEqual({ approvedOn: '2023-10-20', workingDays: 20, approverRole: 'reviewer' });
    expect(refusal(received(), { ...ok, approverRole: 'clerk' })).toBe('application.extension.notAuthorised');
    expect(refusal(received(), { ...ok, workingDays: 21 })).toBe('application.extension.tooLong');
    expect(refusal(received(), { ...ok, workingDays: 0 })).toBe('application.extension.invalidLength');
    expect(refusal(received(), { ...ok, workingDays: 2.5 })).toBe('application.extension.invalidLength');
  });

  it('only once, even if the first was shorter', () => {
    const once = run([{ ...ok, workingDays: 5 }]);
    expect(refusal(once, { ...ok, date: '2023-10-23', workingDays: 5 })).toBe('application.extension.alreadyApproved');
  });

  it('only before the term has run out (due 2023-11-01)', () => {
    expect(run([{ ...ok, date: '2023-11-01' }]).extension?.workingDays).toBe(20);
    expect(refusal(received(), { ...ok, date: '2023-11-02' })).toBe('application.extension.tooLate');
  });
});

describe('办法 (国办函〔2020〕109号): the fee notice', () => {
  const notice = (over: Partial<Extract<ApplicationEvent, { type: 'feeNoticeIssued' }>> = {}): ApplicationEvent => ({
    type: 'feeNoticeIssued',
    date: '2023-10-16',
    noticeReceivedOn: '2023-10-18',
    charge: { standard: 'perVolume', pages: 120 },
    ...over,
  });

  it('computes the amount from the quantity (120 pages: 70 × 10 + 20 × 20 = 1100 yuan)', () => {
    expect(run([notice()]).fee?.amount).toBe(1100);
  });

  it('is refused when nothing is due, or per volume for an answer read on the spot', () => {
    expect(refusal(received(), notice({ charge: { standard: 'perVolume', pages: 30 } }))).toBe('application.fee.nothingDue');
    expect(refusal(received(), notice({ charge: { standard: 'perApplication', nthInMonth: 10 } }))).toBe('application.fee.nothingDue');
    expect(refusal(received(), notice({ charge: { standard: 'perVolume', pages: -3 } }))).toBe('fee.invalidQuantity');
    const reading = received('2023-09-28', { wanted: { form: 'inspection', delivery: 'collect' } });
    expect(refusal(reading, notice())).toBe('application.fee.volumeNotAllowed');
    expect(run([notice({ charge: { standard: 'perApplication', nthInMonth: 31 } })], reading).fee?.amount).toBe(200);
  });

  it('goes out within the reply term (due 2023-11-01) and names a real receipt day', () => {
    expect(refusal(received(), notice({ date: '2023-11-02', noticeReceivedOn: '2023-11-02' }))).toBe('application.fee.tooLate');
    expect(refusal(received(), notice({ noticeReceivedOn: '2023-10-13' }))).toBe('application.fee.noticeReceiptInvalid');
    expect(refusal(received(), notice({ noticeReceivedOn: '2023-10-18' }), '2023-10-17')).toBe('application.fee.noticeReceiptInvalid');
  });

  it('unpaid within 20 working days from the day after receipt (last day 2023-11-15): abandoned, other.feeUnpaid', () => {
    // from 10-18: 10-19(1) 10-20(2) 10-23..27(3-7) 10-30..11-03(8-12) 11-06..10(13-17) 11-13(18) 11-14(19) 11-15(20)
    const waiting = run([notice()]);
    expect(refusal(waiting, { type: 'feeLapsed', date: '2023-11-15' })).toBe('application.fee.notLapsed');
    expect(refusal(waiting, { type: 'feePaid', date: '2023-11-16' })).toBe('application.fee.paymentTooLate');
    expect(run([{ type: 'feePaid', date: '2023-11-15' }], waiting).status).toBe('registered');
    const lapsed = run([{ type: 'feeLapsed', date: '2023-11-16' }], waiting);
    expect([lapsed.status, lapsed.outcome]).toEqual(['abandoned', 'other.feeUnpaid']);
  });

  it('only one fee notice per application', () => {
    const paid = run([notice(), { type: 'feePaid', date: '2023-10-20' }]);
    expect(refusal(paid, notice({ date: '2023-10-23', noticeReceivedOn: '2023-10-23' }))).toBe('application.fee.alreadyIssued');
  });
});

describe('Arts. 36-39: the reply', () => {
  it('states exactly one known outcome and a legal basis', () => {
    const multiple = { ...REPLY, outcome: ['disclosed', 'partlyDisclosed'] } as unknown as ApplicationEvent;
    expect(refusal(received(), multiple)).toBe('application.reply.unknownOutcome');
    expect(refusal(received(), { ...REPLY, outcome: 'rejected' } as unknown as ApplicationEvent)).toBe('application.reply.unknownOutcome');
    expect(refusal(received(), { ...REPLY, legalBasis: '   ' })).toBe('application.reply.legalBasisMissing');
    const replied = run([{ ...REPLY, legalBasis: ' 《条例》第三十六条第（二）项 ' }]);
    expect([replied.status, replied.outcome, replied.legalBasis, replied.closedOn]).toEqual([
      'replied',
      'disclosed',
      '《条例》第三十六条第（二）项',
      '2023-10-09',
    ]);
  });

  it('cannot give the outcomes that only a lapse produces', () => {
    expect(refusal(received(), { ...REPLY, outcome: 'other.noSupplement' })).toBe('application.reply.outcomeReserved');
    expect(refusal(received(), { ...REPLY, outcome: 'other.feeUnpaid' })).toBe('application.reply.outcomeReserved');
    expect(run([{ ...REPLY, outcome: 'other.misc', legalBasis: '申请人申请事项已办结' }]).outcome).toBe('other.misc');
  });
});

describe('withdrawal', () => {
  it('is possible at every open point and counts as other.misc', () => {
    for (const status of ['registered', 'awaitingSupplement', 'inConsultation', 'awaitingFee'] as const) {
      const withdrawn = run([SAMPLES.withdrawn], run(PATHS[status]));
      expect([withdrawn.status, withdrawn.outcome, withdrawn.closure], status).toEqual(['withdrawn', 'other.misc', 'withdrawal']);
    }
  });

  it('then the file can be archived, and nothing happens after that', () => {
    const archived = run([{ type: 'withdrawn', date: '2023-10-09' }, { type: 'archived', date: '2023-10-10' }]);
    expect(archived.status).toBe('archived');
    expect(refusal(archived, { type: 'withdrawn', date: '2023-10-11' })).toBe('application.archived');
  });
});

describe('replayEvents', () => {
  it('names the refused event by its position', () => {
    const result = replayEvents(received(), [REPLY, { type: 'replied', date: '2023-10-10', outcome: 'disclosed', legalBasis: 'x' }], calendar, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.details.index).toBe(1);
      expect(result.error.message).toMatch(/^第2个事件（作出答复）/);
    }
  });
});
