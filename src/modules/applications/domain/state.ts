/**
 * An application's state: plain, serialisable data. It is built only by openApplication and applyEvent, so the
 * records below always agree with the event history they summarise.
 */
import type { WantedAnswer } from './answer-forms.ts';
import type { ApplicationEvent, ConsultedParty, StaffRole } from './events.ts';
import type { FeeCharge } from './fees.ts';
import type { OutcomeId } from './outcomes.ts';
import type { Channel, IntakeFacts } from './receipt.ts';
import { receiptDate } from './receipt.ts';
import type { Result } from './result.ts';
import { fail, ok } from './result.ts';
import type { ApplicantType } from './table-mapping.ts';

export const STATUSES = [
  'registered',
  'awaitingSupplement',
  'inConsultation',
  'awaitingFee',
  'replied',
  'delivered',
  'archived',
  'withdrawn',
  'abandoned',
] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  registered: '办理中',
  awaitingSupplement: '待补正',
  inConsultation: '征求意见中',
  awaitingFee: '待缴费',
  replied: '已答复',
  delivered: '已送达',
  archived: '已归档',
  withdrawn: '已撤回',
  abandoned: '视为放弃',
};

/** Statuses in which handling is still going on (counted in table 三 四 at year end). */
export const OPEN_STATUSES: readonly Status[] = ['registered', 'awaitingSupplement', 'inConsultation', 'awaitingFee'];

export interface SupplementRecord {
  readonly requestedOn: string;
  readonly termEnds: string;
  readonly suppliedOn: string | null;
}

export interface ConsultationRecord {
  readonly party: ConsultedParty;
  readonly startedOn: string;
  /** the day the answer came or the 15 working days were found to have passed; null while waiting */
  readonly endedOn: string | null;
  readonly lapsed: boolean;
}

export interface ExtensionRecord {
  readonly approvedOn: string;
  readonly workingDays: number;
  readonly approverRole: StaffRole;
}

export interface FeeRecord {
  readonly issuedOn: string;
  readonly noticeReceivedOn: string;
  readonly charge: FeeCharge;
  /** computed from `charge` (办法 第四条/第五条), in yuan */
  readonly amount: number;
  readonly paidOn: string | null;
}

/** How handling ended: with a reply, or without one. */
export type Closure = 'reply' | 'abandonment' | 'withdrawal';

export interface ApplicationState {
  readonly status: Status;
  readonly applicantType: ApplicantType;
  readonly channel: Channel;
  readonly wanted: WantedAnswer | null;
  /** Art. 31 */
  readonly receivedOn: string;
  readonly events: readonly ApplicationEvent[];
  /** the date of the latest event (the receipt date before any) */
  readonly lastEventOn: string;
  readonly supplement: SupplementRecord | null;
  readonly consultations: readonly ConsultationRecord[];
  readonly extension: ExtensionRecord | null;
  readonly fee: FeeRecord | null;
  readonly outcome: OutcomeId | null;
  readonly legalBasis: string | null;
  /** the day handling ended (reply, deemed abandonment or withdrawal) */
  readonly closedOn: string | null;
  readonly closure: Closure | null;
  readonly deliveredOn: string | null;
  readonly archivedOn: string | null;
}

export interface Intake {
  readonly applicantType: ApplicantType;
  readonly facts: IntakeFacts;
  readonly wanted?: WantedAnswer;
}

/** A received application (Art. 31 fixes the receipt date). `today` guards against dates in the future. */
export function openApplication(intake: Intake, today: string): Result<ApplicationState> {
  const received = receiptDate(intake.facts);
  if (!received.ok) return received;
  if (received.value > today) {
    return fail('application.event.inFuture', `收到申请日期（${received.value}）晚于今天（${today}），请核对。`, {
      receivedOn: received.value,
      today,
    });
  }
  return ok({
    status: 'registered',
    applicantType: intake.applicantType,
    channel: intake.facts.channel,
    wanted: intake.wanted ?? null,
    receivedOn: received.value,
    events: [],
    lastEventOn: received.value,
    supplement: null,
    consultations: [],
    extension: null,
    fee: null,
    outcome: null,
    legalBasis: null,
    closedOn: null,
    closure: null,
    deliveredOn: null,
    archivedOn: null,
  });
}

export function isOpen(state: ApplicationState): boolean {
  return OPEN_STATUSES.includes(state.status);
}
