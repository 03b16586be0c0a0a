import { checkDate } from './iso-date.ts';
import type { Result } from './result.ts';
import { fail, ok } from './result.ts';

/** How an application reached the agency (Art. 29, 31). E-mail is an internet channel for Art. 31(3). */
export const CHANNELS = ['online', 'inPerson', 'registeredPost', 'ordinaryPost', 'fax', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  online: '互联网（在线平台）',
  inPerson: '当面提交',
  registeredPost: '邮政挂号信件',
  ordinaryPost: '平常信函',
  fax: '传真',
  email: '电子邮件',
};

/**
 * The facts of intake that fix the receipt date, one shape per channel. Dates are YYYY-MM-DD.
 * A date the office has not confirmed yet is `null`: the application is then not received in law.
 */
export type IntakeFacts =
  | { readonly channel: 'inPerson'; readonly handedInOn: string }
  | { readonly channel: 'registeredPost'; readonly signedForOn: string }
  | { readonly channel: 'ordinaryPost'; readonly arrivedOn: string; readonly confirmedWithApplicantOn: string | null }
  | {
      readonly channel: 'online' | 'fax' | 'email';
      readonly submittedOn: string;
      readonly confirmedByBothOn: string | null;
    };

/** Art. 31: the day an application counts as received, from the facts of intake. */
export function receiptDate(facts: IntakeFacts): Result<string> {
  switch (facts.channel) {
    // Art. 31(1): handed in person — the day it is handed in.
    case 'inPerson':
      return checkDate(facts.handedInOn, 'handedInOn');
    // Art. 31(2): registered post — the day the agency signs for it.
    case 'registeredPost':
      return checkDate(facts.signedForOn, 'signedForOn');
    // Art. 31(2): ordinary letter — the day the disclosure office confirms with the applicant
    // (it must try on the day the letter arrives).
    case 'ordinaryPost':
      return confirmed(facts.arrivedOn, facts.confirmedWithApplicantOn, '平常信函', '与申请人确认');
    // Art. 31(3): internet or the office's fax — the day both sides confirm.
    case 'online':
    case 'fax':
    case 'email':
      return confirmed(facts.submittedOn, facts.confirmedByBothOn, CHANNEL_LABELS[facts.channel], '双方确认');
  }
}

function confirmed(arrived: string, confirmedOn: string | null, channel: string, act: string): Result<string> {
  const arrival = checkDate(arrived, 'arrivedOn');
  if (!arrival.ok) return arrival;
  if (confirmedOn === null) {
    return fail(
      'application.receipt.notConfirmed',
      `通过${channel}提交的申请，以${act}之日为收到申请之日（《条例》第三十一条）；尚未确认，不能登记收到日期。`,
      { channel },
    );
  }
  const confirmation = checkDate(confirmedOn, 'confirmedOn');
  if (!confirmation.ok) return confirmation;
  if (confirmation.value < arrival.value) {
    return fail(
      'application.receipt.beforeSubmission',
      `确认日期（${confirmation.value}）早于申请送达日期（${arrival.value}），请核对。`,
      { arrivedOn: arrival.value, confirmedOn: confirmation.value },
    );
  }
  return ok(confirmation.value);
}
