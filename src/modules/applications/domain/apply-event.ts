/**
 * applyEvent: the one way an application's state changes. It checks the event against the transition table
 * (transitions.ts) and the rules of the law that depend on dates and history, and returns the new state or a
 * typed AppError with a Chinese message. Pure: the calendar and today's date are parameters.
 */
import { CalendarError } from '../../calendar/domain/calendar.ts';
import type { WorkingCalendar } from '../../calendar/domain/calendar.ts';
import { isErrorCode } from '../../../errors.ts';
import { allowsVolumeFee } from './answer-forms.ts';
import { dueDate } from './due-date.ts';
import type { ApplicationEvent, EventOf, EventType } from './events.ts';
import { EVENT_LABELS } from './events.ts';
import { feeFor } from './fees.ts';
import { isIsoDate } from './iso-date.ts';
import { OUTCOMES, isOutcomeId } from './outcomes.ts';
import type { Result } from './result.ts';
import { fail, ok } from './result.ts';
import type { ApplicationState } from './state.ts';
import { STATUS_LABELS } from './state.ts';
import {
  CONSULTATION_WORKING_DAYS,
  FEE_PAYMENT_WORKING_DAYS,
  MAX_EXTENSION_WORKING_DAYS,
  SUPPLEMENT_NOTICE_WORKING_DAYS,
} from './terms.ts';
import { TRANSITIONS } from './transitions.ts';

type Handler<T extends EventType> = (
  state: ApplicationState,
  event: EventOf<T>,
  calendar: WorkingCalendar,
  today: string,
) => Result<Partial<ApplicationState>>;

export function applyEvent(
  state: ApplicationState,
  event: ApplicationEvent,
  calendar: WorkingCalendar,
  today: string,
): Result<ApplicationState> {
  try {
    return apply(state, event, calendar, today);
  } catch (error) {
    // A date outside the loaded holiday years is an explicit error, never a guess (domain.md §5).
    if (error instanceof CalendarError) {
      return fail(isErrorCode(error.code) ? error.code : 'calendar.dataInvalid', error.message, { event: event.type });
    }
    throw error;
  }
}

/** Applies events in order; stops at the first refused one (its index is in the error's details). */
export function replayEvents(
  initial: ApplicationState,
  events: readonly ApplicationEvent[],
  calendar: WorkingCalendar,
  today: string,
): Result<ApplicationState> {
  let state = initial;
  for (const [index, event] of events.entries()) {
    const next = applyEvent(state, event, calendar, today);
    if (!next.ok) {
      return fail(
        next.error.code,
        `第${index + 1}个事件（${labelOf(event)}）：${next.error.message}`,
        { ...next.error.details, index },
      );
    }
    state = next.value;
  }
  return ok(state);
}

function apply(
  state: ApplicationState,
  event: ApplicationEvent,
  calendar: WorkingCalendar,
  today: string,
): Result<ApplicationState> {
  const known = typeof event?.type === 'string' && Object.hasOwn(TRANSITIONS, event.type);
  const transition = known ? TRANSITIONS[event.type] : undefined;
  if (!transition) {
    return fail('application.event.unknown', `未知的办理环节“${String(event?.type)}”。`, { event: event?.type });
  }
  if (!isIsoDate(event.date)) {
    return fail(
      'input.invalidDate',
      `${EVENT_LABELS[event.type]}的日期“${String(event.date)}”无效，请按“年-月-日”填写。`,
      { field: 'date', value: event.date },
    );
  }
  if (state.status === 'archived') {
    return fail('application.archived', '该申请已归档，不能再办理任何环节。', { event: event.type });
  }
  if (event.date < state.lastEventOn) {
    return fail(
      'application.event.beforePrevious',
      `${EVENT_LABELS[event.type]}的日期（${event.date}）早于上一办理环节的日期（${state.lastEventOn}）。`,
      { date: event.date, previous: state.lastEventOn },
    );
  }
  if (event.date > today) {
    return fail(
      'application.event.inFuture',
      `${EVENT_LABELS[event.type]}的日期（${event.date}）晚于今天（${today}）。`,
      { date: event.date, today },
    );
  }
  // Rules on history come before the status check, so the message names the real reason.
  if (event.type === 'supplementRequested' && state.supplement !== null) {
    // Art. 30: the notice to supplement is given once (一次性告知).
    return fail(
      'application.supplement.alreadyRequested',
      '补正告知只能一次性作出（《条例》第三十条），本申请已告知过补正。',
      { requestedOn: state.supplement.requestedOn },
    );
  }
  if (event.type === 'extensionApproved' && state.extension !== null) {
    // Art. 33: one extension only.
    return fail('application.extension.alreadyApproved', '答复期限只能延长一次（《条例》第三十三条），本申请已延期。', {
      approvedOn: state.extension.approvedOn,
    });
  }
  if (event.type === 'feeNoticeIssued' && state.fee !== null) {
    return fail(
      'application.fee.alreadyIssued',
      '本申请已发出过收费通知，不能再次收费。',
      { issuedOn: state.fee.issuedOn },
    );
  }
  if (!transition.from.includes(state.status)) {
    return fail(
      'application.event.notAllowed',
      `申请处于“${STATUS_LABELS[state.status]}”状态，不能办理“${EVENT_LABELS[event.type]}”。`,
      { status: state.status, event: event.type },
    );
  }
  const handler = HANDLERS[event.type] as Handler<typeof event.type>;
  const changes = handler(state, event, calendar, today);
  if (!changes.ok) return changes;
  return ok({
    ...state,
    ...changes.value,
    status: transition.to,
    events: [...state.events, event],
    lastEventOn: event.date,
  });
}

const HANDLERS: { readonly [T in EventType]: Handler<T> } = {
  supplementRequested(state, event, calendar) {
    // Art. 30: within 7 working days of receipt, with a reasonable term to supplement.
    const lastDay = calendar.addWorkingDays(state.receivedOn, SUPPLEMENT_NOTICE_WORKING_DAYS);
    if (event.date > lastDay) {
      return fail(
        'application.supplement.tooLate',
        `补正告知应在收到申请之日起${SUPPLEMENT_NOTICE_WORKING_DAYS}个工作日内作出（《条例》第三十条），最迟为${lastDay}。`,
        { receivedOn: state.receivedOn, lastDay },
      );
    }
    if (!isIsoDate(event.termEnds) || event.termEnds <= event.date) {
      return fail(
        'application.supplement.termInvalid',
        `补正期限的截止日期“${String(event.termEnds)}”无效，应晚于告知日期。`,
        { termEnds: event.termEnds },
      );
    }
    return ok({ supplement: { requestedOn: event.date, termEnds: event.termEnds, suppliedOn: null } });
  },

  supplemented(state, event) {
    // Art. 30: the reply term now runs from this day (see due-date.ts).
    return ok({ supplement: { ...state.supplement!, suppliedOn: event.date } });
  },

  supplementLapsed(state, event) {
    const termEnds = state.supplement!.termEnds;
    if (event.date <= termEnds) {
      return fail(
        'application.supplement.notLapsed',
        `补正期限至${termEnds}届满，期限届满前不能认定逾期未补正。`,
        { termEnds },
      );
    }
    // Art. 30: no supplement in time without good reason — deemed abandoned.
    return ok(closed(event.date, 'abandonment', 'other.noSupplement'));
  },

  consultationStarted(state, event) {
    // Art. 32 (third party), Art. 34 (other agency): the time consulting does not count (Art. 33).
    const consultation = { party: event.party, startedOn: event.date, endedOn: null, lapsed: false };
    return ok({ consultations: [...state.consultations, consultation] });
  },

  consultationAnswered(state, event) {
    return ok({ consultations: endLast(state, event.date, false) });
  },

  consultationLapsed(state, event, calendar) {
    const current = state.consultations.at(-1)!;
    // Art. 32/34: the consulted party has 15 working days.
    const lastDay = calendar.addWorkingDays(current.startedOn, CONSULTATION_WORKING_DAYS);
    if (event.date <= lastDay) {
      return fail(
        'application.consultation.notLapsed',
        `被征求意见方有${CONSULTATION_WORKING_DAYS}个工作日提出意见（《条例》第三十二条、第三十四条），至${lastDay}届满。`,
        { startedOn: current.startedOn, lastDay },
      );
    }
    return ok({ consultations: endLast(state, event.date, true) });
  },

  extensionApproved(state, event, calendar) {
    // Art. 33: the extension is approved by the head of the disclosure office, not by a clerk.
    if (event.approverRole !== 'reviewer') {
      return fail(
        'application.extension.notAuthorised',
        '延长答复期限须经政府信息公开工作机构负责人同意（《条例》第三十三条），经办人员不能批准。',
        { approverRole: event.approverRole },
      );
    }
    if (!Number.isInteger(event.workingDays) || event.workingDays < 1) {
      return fail(
        'application.extension.invalidLength',
        `延长的期限应为1至${MAX_EXTENSION_WORKING_DAYS}个工作日的整数，收到“${String(event.workingDays)}”。`,
        { workingDays: event.workingDays },
      );
    }
    if (event.workingDays > MAX_EXTENSION_WORKING_DAYS) {
      return fail(
        'application.extension.tooLong',
        `延长的期限最长不得超过${MAX_EXTENSION_WORKING_DAYS}个工作日（《条例》第三十三条）。`,
        { workingDays: event.workingDays },
      );
    }
    const due = dueDate(state, calendar);
    if (due !== null && event.date > due) {
      return fail('application.extension.tooLate', `答复期限已于${due}届满，不能再延长。`, { due });
    }
    const { workingDays, approverRole } = event;
    return ok({ extension: { approvedOn: event.date, workingDays, approverRole } });
  },

  feeNoticeIssued(state, event, calendar, today) {
    const amount = feeFor(event.charge);
    if (!amount.ok) return amount;
    if (amount.value === 0) {
      return fail(
        'application.fee.nothingDue',
        '按《政府信息公开信息处理费管理办法》计算，本申请不应收费。',
        { charge: event.charge },
      );
    }
    // 办法 第五条: per-volume fees only for paper, e-mail or copied electronic data.
    if (event.charge.standard === 'perVolume' && state.wanted !== null && !allowsVolumeFee(state.wanted)) {
      return fail(
        'application.fee.volumeNotAllowed',
        '申请人未要求提供纸质件、电子邮件或复制电子数据，不能按量收费。',
        { wanted: state.wanted },
      );
    }
    const received = event.noticeReceivedOn;
    if (!isIsoDate(received) || received < event.date || received > today) {
      return fail(
        'application.fee.noticeReceiptInvalid',
        `收费通知的送达日期“${String(received)}”无效：应不早于发出日期，且不晚于今天。`,
        { noticeReceivedOn: received },
      );
    }
    // 办法: the fee notice goes out within the reply term of Art. 33.
    const due = dueDate(state, calendar);
    if (due !== null && event.date > due) {
      return fail('application.fee.tooLate', `收费通知应在答复期限内发出，答复期限已于${due}届满。`, { due });
    }
    return ok({
      fee: { issuedOn: event.date, noticeReceivedOn: received, charge: event.charge, amount: amount.value, paidOn: null },
    });
  },

  feePaid(state, event, calendar) {
    const fee = state.fee!;
    const lastDay = calendar.addWorkingDays(fee.noticeReceivedOn, FEE_PAYMENT_WORKING_DAYS);
    if (event.date > lastDay) {
      return fail(
        'application.fee.paymentTooLate',
        `缴费期限已于${lastDay}届满，逾期缴费的申请视为放弃。`,
        { lastDay },
      );
    }
    return ok({ fee: { ...fee, paidOn: event.date } });
  },

  feeLapsed(state, event, calendar) {
    // 办法: unpaid within 20 working days from the day after the notice is received — deemed abandoned.
    const lastDay = calendar.addWorkingDays(state.fee!.noticeReceivedOn, FEE_PAYMENT_WORKING_DAYS);
    if (event.date <= lastDay) {
      return fail(
        'application.fee.notLapsed',
        `申请人可在${lastDay}前缴费，期限届满前不能认定逾期未缴费。`,
        { lastDay },
      );
    }
    return ok(closed(event.date, 'abandonment', 'other.feeUnpaid'));
  },

  replied(state, event) {
    // Arts. 36-39: a reply states exactly one outcome (table 三 counts it in one row only) and its legal basis.
    if (!isOutcomeId(event.outcome)) {
      return fail('application.reply.unknownOutcome', '答复须写明一个且仅一个办理结果。', { outcome: event.outcome });
    }
    const outcome = OUTCOMES[event.outcome];
    if (outcome.reachedBy === 'abandonment') {
      return fail(
        'application.reply.outcomeReserved',
        `“${outcome.label}”只能由逾期未补正或逾期未缴费的环节产生，不能作为答复结果。`,
        { outcome: event.outcome },
      );
    }
    if (event.outcome === 'unavailable.unclearAfterSupplement' && !state.supplement?.suppliedOn) {
      return fail(
        'application.reply.noSupplementGiven',
        '申请人未经补正，不能以“补正后申请内容仍不明确”答复（《条例》第三十条）。',
        { outcome: event.outcome },
      );
    }
    const basis = typeof event.legalBasis === 'string' ? event.legalBasis.trim() : '';
    if (basis === '') {
      return fail('application.reply.legalBasisMissing', '答复须写明所依据的法律条款。', { outcome: event.outcome });
    }
    return ok({ ...closed(event.date, 'reply', event.outcome), legalBasis: basis });
  },

  delivered(_state, event) {
    return ok({ deliveredOn: event.date });
  },

  archived(_state, event) {
    return ok({ archivedOn: event.date });
  },

  withdrawn(_state, event) {
    // Withdrawal counts under （六）3 其他 (domain.md §4).
    return ok(closed(event.date, 'withdrawal', 'other.misc'));
  },
};

function closed(date: string, closure: ApplicationState['closure'], outcome: ApplicationState['outcome']) {
  return { closedOn: date, closure, outcome };
}

function endLast(state: ApplicationState, date: string, lapsed: boolean): ApplicationState['consultations'] {
  const last = state.consultations.length - 1;
  return state.consultations.map((c, i) => (i === last ? { ...c, endedOn: date, lapsed } : c));
}

function labelOf(event: ApplicationEvent): string {
  const type: unknown = event?.type;
  return typeof type === 'string' && Object.hasOwn(EVENT_LABELS, type) ? EVENT_LABELS[type as EventType] : String(type);
}
