/**
 * The named events of an application's life cycle. Each carries the date it happened (YYYY-MM-DD); events are
 * applied in order by applyEvent (apply-event.ts), which checks them against the law.
 */
import type { DeliveryChannel } from './answer-forms.ts';
import type { FeeCharge } from './fees.ts';
import type { OutcomeId } from './outcomes.ts';

/** Art. 32: a third party whose rights may be harmed; Art. 34: another agency that co-produced the information. */
export type ConsultedParty = 'thirdParty' | 'otherAgency';

/** Staff roles as far as the life cycle cares: only a reviewer (the disclosure office's head) may extend (Art. 33). */
export type StaffRole = 'clerk' | 'reviewer';

export type ApplicationEvent =
  /** Art. 30: the one notice to supplement; `termEnds` is the last day of the reasonable term it sets. */
  | { readonly type: 'supplementRequested'; readonly date: string; readonly termEnds: string }
  /** Art. 30: the supplemented application arrives; the reply term starts again from this day. */
  | { readonly type: 'supplemented'; readonly date: string }
  /** Art. 30: the term passed without a supplement — deemed abandoned. */
  | { readonly type: 'supplementLapsed'; readonly date: string }
  | { readonly type: 'consultationStarted'; readonly date: string; readonly party: ConsultedParty }
  | { readonly type: 'consultationAnswered'; readonly date: string }
  /** Art. 32/34: 15 working days without an answer. */
  | { readonly type: 'consultationLapsed'; readonly date: string }
  /** Art. 33: one extension of at most 20 working days, approved by the office's head. */
  | {
      readonly type: 'extensionApproved';
      readonly date: string;
      readonly workingDays: number;
      readonly approverRole: StaffRole;
    }
  /** 办法: the fee notice; the amount is computed from `charge`, never typed in. */
  | {
      readonly type: 'feeNoticeIssued';
      readonly date: string;
      /** the day the applicant received the notice: the 20 working days to pay run from the day after */
      readonly noticeReceivedOn: string;
      readonly charge: FeeCharge;
    }
  | { readonly type: 'feePaid'; readonly date: string }
  | { readonly type: 'feeLapsed'; readonly date: string }
  /** Arts. 36-39: the reply, with exactly one outcome and the legal basis written in the letter. */
  | { readonly type: 'replied'; readonly date: string; readonly outcome: OutcomeId; readonly legalBasis: string }
  | { readonly type: 'delivered'; readonly date: string; readonly channel?: DeliveryChannel }
  | { readonly type: 'archived'; readonly date: string }
  | { readonly type: 'withdrawn'; readonly date: string };

export type EventType = ApplicationEvent['type'];

export type EventOf<T extends EventType> = Extract<ApplicationEvent, { type: T }>;

export const EVENT_LABELS: Readonly<Record<EventType, string>> = {
  supplementRequested: '告知补正',
  supplemented: '申请人补正',
  supplementLapsed: '逾期未补正',
  consultationStarted: '征求意见',
  consultationAnswered: '收到意见',
  consultationLapsed: '征求意见逾期未答复',
  extensionApproved: '批准延期答复',
  feeNoticeIssued: '发出收费通知',
  feePaid: '申请人缴费',
  feeLapsed: '逾期未缴费',
  replied: '作出答复',
  delivered: '送达',
  archived: '归档',
  withdrawn: '申请人撤回申请',
};
