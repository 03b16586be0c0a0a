/**
 * The life cycle as data: for each event, the statuses it may happen in and the status it leads to.
 * The rules of the law that depend on dates and history (Art. 30 one notice within 7 working days, Art. 33 one
 * extension, ...) are checked in apply-event.ts on top of this table.
 */
import type { EventType } from './events.ts';
import type { Status } from './state.ts';

export interface Transition {
  readonly from: readonly Status[];
  readonly to: Status;
}

const OPEN: readonly Status[] = ['registered', 'awaitingSupplement', 'inConsultation', 'awaitingFee'];

export const TRANSITIONS: Readonly<Record<EventType, Transition>> = {
  supplementRequested: { from: ['registered'], to: 'awaitingSupplement' }, // Art. 30
  supplemented: { from: ['awaitingSupplement'], to: 'registered' }, // Art. 30
  supplementLapsed: { from: ['awaitingSupplement'], to: 'abandoned' }, // Art. 30: deemed abandoned
  consultationStarted: { from: ['registered'], to: 'inConsultation' }, // Art. 32, 34
  consultationAnswered: { from: ['inConsultation'], to: 'registered' },
  consultationLapsed: { from: ['inConsultation'], to: 'registered' }, // Art. 32: the agency decides; Art. 34: consent
  extensionApproved: { from: ['registered'], to: 'registered' }, // Art. 33
  feeNoticeIssued: { from: ['registered'], to: 'awaitingFee' }, // 办法
  feePaid: { from: ['awaitingFee'], to: 'registered' },
  feeLapsed: { from: ['awaitingFee'], to: 'abandoned' }, // 办法: deemed abandoned
  replied: { from: ['registered'], to: 'replied' }, // Arts. 36-39
  delivered: { from: ['replied'], to: 'delivered' },
  archived: { from: ['delivered', 'withdrawn', 'abandoned'], to: 'archived' },
  withdrawn: { from: OPEN, to: 'withdrawn' },
};

/** The events that may happen in a status (for the staff pages' buttons). */
export function eventsAllowedIn(status: Status): EventType[] {
  return (Object.keys(TRANSITIONS) as EventType[]).filter((type) => TRANSITIONS[type].from.includes(status));
}
