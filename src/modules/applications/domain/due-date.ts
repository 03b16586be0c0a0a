/**
 * The reply deadline as a pure function of the application's history on the working-day calendar:
 * 20 working days from receipt, or from the supplement's arrival (Art. 30, 33), plus the one extension (Art. 33),
 * with the clock stopped while a third party or another agency is consulted (Art. 32-34) and while a fee notice
 * awaits payment (办法).
 */
import type { WorkingCalendar } from '../../calendar/domain/calendar.ts';
import type { ApplicationState } from './state.ts';
import { REPLY_TERM_WORKING_DAYS } from './terms.ts';

export type PauseReason = 'supplement' | 'consultation' | 'fee';

export type ReplyClock =
  /** the term is running and ends on `due` */
  | { readonly kind: 'running'; readonly due: string }
  /** the term is stopped; `remainingWorkingDays` of it are left when it starts again */
  | { readonly kind: 'paused'; readonly reason: PauseReason; readonly remainingWorkingDays: number }
  /** a reply was given; `due` was the deadline it had to meet */
  | { readonly kind: 'answered'; readonly due: string; readonly repliedOn: string }
  /** deemed abandoned or withdrawn: no reply is due */
  | { readonly kind: 'ended' };

interface Pause {
  readonly reason: PauseReason;
  readonly from: string;
  /** null: still paused */
  readonly to: string | null;
}

/**
 * A pause covers the working days in (from, to]: the day a consultation or fee notice goes out still counts, the
 * day the answer or the payment arrives does not, and counting resumes the day after.
 */
function pausesOf(state: ApplicationState): Pause[] {
  const pauses: Pause[] = state.consultations.map((c) => ({ reason: 'consultation', from: c.startedOn, to: c.endedOn }));
  // 办法: the time the applicant takes to pay is not the agency's; without this pause a payment on the last allowed
  // day could leave no reply term at all.
  if (state.fee) pauses.push({ reason: 'fee', from: state.fee.issuedOn, to: state.fee.paidOn });
  return pauses.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

export function replyClock(state: ApplicationState, calendar: WorkingCalendar): ReplyClock {
  if (state.closure === 'abandonment' || state.closure === 'withdrawal') return { kind: 'ended' };
  const term = REPLY_TERM_WORKING_DAYS + (state.extension?.workingDays ?? 0);
  // Art. 30: once a supplement is asked for, the reply term starts again when the supplement arrives.
  if (state.supplement && state.supplement.suppliedOn === null) {
    return { kind: 'paused', reason: 'supplement', remainingWorkingDays: term };
  }
  let cursor = state.supplement?.suppliedOn ?? state.receivedOn;
  let remaining = term;
  for (const pause of pausesOf(state)) {
    if (pause.to !== null && pause.to <= cursor) continue; // over before the term (re)started
    const start = pause.from > cursor ? pause.from : cursor;
    const available = calendar.workingDaysBetween(cursor, start);
    if (remaining <= available) break; // the term ended before this pause began: it cannot help
    remaining -= available;
    if (pause.to === null) return { kind: 'paused', reason: pause.reason, remainingWorkingDays: remaining };
    cursor = pause.to;
  }
  const due = calendar.addWorkingDays(cursor, remaining);
  if (state.closure === 'reply' && state.closedOn !== null) return { kind: 'answered', due, repliedOn: state.closedOn };
  return { kind: 'running', due };
}

/** The reply deadline, or null while the clock is stopped or when no reply is due. */
export function dueDate(state: ApplicationState, calendar: WorkingCalendar): string | null {
  const clock = replyClock(state, calendar);
  return clock.kind === 'running' || clock.kind === 'answered' ? clock.due : null;
}

/** Still unanswered after the deadline (today is later than the due date). */
export function isOverdue(state: ApplicationState, today: string, calendar: WorkingCalendar): boolean {
  const clock = replyClock(state, calendar);
  return clock.kind === 'running' && today > clock.due;
}

/** Unanswered, not yet overdue, and the deadline is at most `workingDays` working days away. */
export function dueSoon(state: ApplicationState, today: string, calendar: WorkingCalendar, workingDays = 3): boolean {
  const clock = replyClock(state, calendar);
  return clock.kind === 'running' && today <= clock.due && calendar.workingDaysBetween(today, clock.due) <= workingDays;
}
