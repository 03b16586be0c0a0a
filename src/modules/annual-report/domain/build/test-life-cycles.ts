/**
 * Test support: random application life cycles made of legal event sequences of the real applications domain
 * (each event chosen among those the status allows; refused ones are dropped, and the kept sequence replayed with
 * replayEvents), for the builder's property test and the repository's database test.
 */
import fc from 'fast-check';
import type { WorkingCalendar } from '../../../calendar/domain/calendar.ts';
import { applyEvent, replayEvents } from '../../../applications/domain/apply-event.ts';
import type { ApplicationEvent } from '../../../applications/domain/events.ts';
import { OUTCOME_IDS } from '../../../applications/domain/outcomes.ts';
import { openApplication, type ApplicationState } from '../../../applications/domain/state.ts';
import { APPLICANT_TYPES, tableColumnFor } from '../../../applications/domain/table-mapping.ts';
import { eventsAllowedIn } from '../../../applications/domain/transitions.ts';
import type { ApplicationSummary } from './types.ts';

/** The last day any event may happen on: the life cycles run from mid-2019 to the end of 2025. */
export const LIFE_CYCLE_TODAY = '2025-12-31';

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const step = fc.record({
  pick: fc.nat(),
  // mostly short steps; some long enough for the legal periods to lapse, a few across a year end or two
  gap: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 10 }) },
    { weight: 2, arbitrary: fc.integer({ min: 20, max: 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: 150, max: 600 }) },
  ),
  termDays: fc.integer({ min: 1, max: 20 }),
  party: fc.constantFrom('thirdParty' as const, 'otherAgency' as const),
  workingDays: fc.integer({ min: 1, max: 20 }),
  charge: fc.record({ standard: fc.constant('perApplication' as const), nthInMonth: fc.integer({ min: 11, max: 45 }) }),
  outcome: fc.constantFrom(...OUTCOME_IDS),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

export interface LifeCycleDraft {
  readonly applicantType: (typeof APPLICANT_TYPES)[number];
  readonly receivedOn: string;
  readonly steps: readonly Step[];
}

export const lifeCycleDraft: fc.Arbitrary<LifeCycleDraft> = fc.record({
  applicantType: fc.constantFrom(...APPLICANT_TYPES),
  receivedOn: fc
    .integer({ min: 0, max: Date.parse('2025-12-20') / 86_400_000 - Date.parse('2019-05-15') / 86_400_000 })
    .map((d) => addDays('2019-05-15', d)),
  steps: fc.array(step, { maxLength: 10 }),
});

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
      return { type, date, workingDays: s.workingDays, approverRole: 'reviewer' };
    case 'feeNoticeIssued':
      return { type, date, noticeReceivedOn: date, charge: s.charge };
    case 'replied':
      return { type, date, outcome: s.outcome, legalBasis: '《条例》第三十六条' };
    default:
      return { type, date } as ApplicationEvent;
  }
}

/** The state a draft leads to: its legal events in order, replayed from the opened application. */
export function lifeCycleState(draft: LifeCycleDraft, calendar: WorkingCalendar): ApplicationState {
  const opened = openApplication(
    { applicantType: draft.applicantType, facts: { channel: 'inPerson', handedInOn: draft.receivedOn } },
    LIFE_CYCLE_TODAY,
  );
  if (!opened.ok) throw new Error(opened.error.message);
  let state = opened.value;
  for (const s of draft.steps) {
    const event = eventFor(state, s);
    if (!event || event.date > LIFE_CYCLE_TODAY) break;
    const next = applyEvent(state, event, calendar, LIFE_CYCLE_TODAY);
    if (next.ok) state = next.value;
  }
  const replayed = replayEvents(opened.value, state.events, calendar, LIFE_CYCLE_TODAY);
  if (!replayed.ok) throw new Error(replayed.error.message);
  return replayed.value;
}

export function summaryOf(state: ApplicationState): ApplicationSummary {
  return {
    applicantColumn: tableColumnFor(state.applicantType),
    receivedOn: state.receivedOn,
    closedOn: state.closedOn,
    outcome: state.outcome,
  };
}
