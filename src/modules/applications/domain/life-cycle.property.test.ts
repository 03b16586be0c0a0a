/**
 * Property: random event sequences (each event chosen among those the current status allows, with random dates
 * and parameters) never produce an invalid state, and the due date never moves earlier than receipt + 20 working
 * days, nor earlier than it was, except by abandonment or withdrawal (which leave no due date).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import { applyEvent } from './apply-event.ts';
import { dueDate } from './due-date.ts';
import type { ApplicationEvent } from './events.ts';
import { EVENT_LABELS } from './events.ts';
import { OUTCOME_IDS, isOutcomeId } from './outcomes.ts';
import { STATUSES, isOpen, openApplication } from './state.ts';
import type { ApplicationState } from './state.ts';
import { REPLY_TERM_WORKING_DAYS } from './terms.ts';
import { eventsAllowedIn } from './transitions.ts';

const calendar = loadCalendar();
const TODAY = '2025-12-31';

const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** One step: which of the allowed events, how many calendar days later, and the parameters it may need. */
const step = fc.record({
  pick: fc.nat(),
  // mostly short steps; some long enough for the 15- and 20-working-day periods to run out
  gap: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 20, max: 45 }) }),
  termDays: fc.integer({ min: 1, max: 20 }),
  party: fc.constantFrom('thirdParty' as const, 'otherAgency' as const),
  workingDays: fc.integer({ min: -1, max: 22 }),
  role: fc.constantFrom('clerk' as const, 'reviewer' as const),
  charge: fc.oneof(
    fc.record({ standard: fc.constant('perApplication' as const), nthInMonth: fc.integer({ min: 1, max: 45 }) }),
    fc.record({ standard: fc.constant('perVolume' as const), pages: fc.integer({ min: 1, max: 300 }) }),
  ),
  receiptDelay: fc.integer({ min: 0, max: 3 }),
  outcome: fc.constantFrom(...OUTCOME_IDS),
  basis: fc.constantFrom('《条例》第三十六条', '', '  '),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function eventFor(state: ApplicationState, s: Step): ApplicationEvent | null {
  const allowed = eventsAllowedIn(state.status);
  if (allowed.length === 0) return null;
  const type = allowed[s.pick % allowed.length]!;
  const date = addDays(state.lastEventOn, s.gap);
  switch (type) {
    case 'supplementRequested':
      return { type, date, termEnds: addDays(date, s.termDays) };
    case 'consultationStarted':
      return { type, date, party: s.party };
    case 'extensionApproved':
      return { type, date, workingDays: s.workingDays, approverRole: s.role };
    case 'feeNoticeIssued':
      return { type, date, noticeReceivedOn: addDays(date, s.receiptDelay), charge: s.charge };
    case 'replied':
      return { type, date, outcome: s.outcome, legalBasis: s.basis };
    default:
      return { type, date } as ApplicationEvent;
  }
}

function invariantViolations(state: ApplicationState): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string) => ok || bad.push(what);
  check(STATUSES.includes(state.status), 'known status');
  check(isOpen(state) === (state.closedOn === null), 'open ⇔ not closed');
  check(isOpen(state) === (state.outcome === null), 'open ⇔ no outcome');
  check(state.outcome === null || isOutcomeId(state.outcome), 'known outcome');
  if (state.status === 'replied' || state.status === 'delivered') check(state.closure === 'reply', 'replied by reply');
  if (state.closure === 'reply') check((state.legalBasis ?? '').trim() !== '', 'reply has a legal basis');
  if (state.status === 'withdrawn') check(state.outcome === 'other.misc', 'withdrawal is other.misc');
  if (state.status === 'abandoned') {
    check(state.outcome === 'other.noSupplement' || state.outcome === 'other.feeUnpaid', 'abandonment outcome');
  }
  const count = (type: string) => state.events.filter((e) => e.type === type).length;
  check(count('supplementRequested') <= 1, 'Art. 30: one supplement notice');
  check(count('extensionApproved') <= 1, 'Art. 33: one extension');
  check(count('replied') <= 1, 'one reply');
  if (state.extension) {
    check(state.extension.approverRole === 'reviewer', 'Art. 33: approved by a reviewer');
    check(state.extension.workingDays >= 1 && state.extension.workingDays <= 20, 'Art. 33: at most 20 days');
  }
  if (state.supplement) {
    const lastDay = calendar.addWorkingDays(state.receivedOn, 7);
    check(state.supplement.requestedOn <= lastDay, 'Art. 30: within 7 working days');
  }
  if (isOpen(state)) {
    const supplementAwaited = state.supplement !== null && state.supplement.suppliedOn === null;
    check(supplementAwaited === (state.status === 'awaitingSupplement'), 'awaiting a supplement ⇔ awaitingSupplement');
    const consulting = state.consultations.some((c) => c.endedOn === null);
    check(consulting === (state.status === 'inConsultation'), 'consulting ⇔ inConsultation');
  }
  if (state.status === 'awaitingFee') check(state.fee !== null && state.fee.paidOn === null && state.fee.amount > 0, 'fee awaited');
  let previous = state.receivedOn;
  for (const e of state.events) {
    check(e.date >= previous && e.date <= TODAY, 'dates in order, none in the future');
    previous = e.date;
  }
  check(state.lastEventOn === previous, 'lastEventOn is the last date');
  return bad;
}

describe('life cycle properties', () => {
  it('random legal sequences keep the state valid and the due date never earlier than receipt + 20 working days', () => {
    const applied = new Set<string>();
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2019-06-01T00:00:00Z'), max: new Date('2025-06-30T00:00:00Z'), noInvalidDate: true }),
        fc.array(step, { minLength: 1, maxLength: 16 }),
        (receivedAt, steps) => {
          const opened = openApplication(
            { applicantType: 'naturalPerson', facts: { channel: 'inPerson', handedInOn: receivedAt.toISOString().slice(0, 10) } },
            TODAY,
          );
          if (!opened.ok) throw opened.error;
          let state = opened.value;
          const floor = calendar.addWorkingDays(state.receivedOn, REPLY_TERM_WORKING_DAYS);
          let lastDue: string | null = dueDate(state, calendar);
          for (const s of steps) {
            const event = eventFor(state, s);
            if (!event || event.date > TODAY) break;
            const next = applyEvent(state, event, calendar, TODAY);
            if (!next.ok) continue; // refused: the old state stands
            state = next.value;
            applied.add(event.type);
            expect(invariantViolations(state)).toEqual([]);
            const due = dueDate(state, calendar);
            if (due !== null) {
              expect(due >= floor).toBe(true);
              if (lastDue !== null) expect(due >= lastDue).toBe(true);
              lastDue = due;
            } else if (state.closure === 'abandonment' || state.closure === 'withdrawal') {
              lastDue = null;
            }
          }
        },
      ),
      { numRuns: 400 },
    );
    // the generator really walks the whole life cycle
    expect([...applied].sort()).toEqual(Object.keys(EVENT_LABELS).sort());
  });
});
