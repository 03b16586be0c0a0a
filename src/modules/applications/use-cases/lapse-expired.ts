/**
 * The lapse job: applications whose applicant or consulted party let a term pass. Run daily (and on demand).
 * - Art. 30: no supplement by the end of the term — deemed abandoned (table 三 （六）1).
 * - 办法: the fee unpaid 20 working days after the day the notice was received — deemed abandoned (（六）2).
 * - Art. 32/34: no answer to a consultation in 15 working days — handling goes on, the agency decides.
 * Each lapse is dated the first day after the term, so running the job late changes nothing in the report.
 */
import { z } from 'zod';
import { fromDayNumber, toDayNumber } from '../../calendar/domain/iso-date.ts';
import type { WorkingCalendar } from '../../calendar/domain/calendar.ts';
import { authorize } from '../applications.policy.ts';
import { parseInput } from '../applications.schemas.ts';
import { listWaitingApplicationIds } from '../applications.repository.ts';
import { CONSULTATION_WORKING_DAYS, FEE_PAYMENT_WORKING_DAYS } from '../domain/index.ts';
import type { ApplicationEvent, ApplicationState } from '../domain/index.ts';
import type { UseCaseContext } from './context.ts';
import { takeStepIfAny } from './transition.ts';

const lapseSchema = z.object({ agencyId: z.number().int().positive().optional() });

export interface LapseResult {
  readonly checked: number;
  readonly lapsed: readonly { readonly applicationId: number; readonly event: ApplicationEvent['type']; readonly on: string }[];
  /** applications whose step failed (e.g. no holiday data for the term's year): the others still lapse */
  readonly failed: readonly { readonly applicationId: number; readonly message: string }[];
}

const dayAfter = (date: string): string => fromDayNumber(toDayNumber(date) + 1);

/** The lapse event due by `today`, or null. */
export function lapseDue(state: ApplicationState, today: string, calendar: WorkingCalendar): ApplicationEvent | null {
  let lastDay: string | null = null;
  let type: 'supplementLapsed' | 'feeLapsed' | 'consultationLapsed' | null = null;
  if (state.status === 'awaitingSupplement' && state.supplement) {
    [lastDay, type] = [state.supplement.termEnds, 'supplementLapsed'];
  } else if (state.status === 'awaitingFee' && state.fee) {
    [lastDay, type] = [calendar.addWorkingDays(state.fee.noticeReceivedOn, FEE_PAYMENT_WORKING_DAYS), 'feeLapsed'];
  } else if (state.status === 'inConsultation') {
    const current = state.consultations.at(-1);
    if (current) [lastDay, type] = [calendar.addWorkingDays(current.startedOn, CONSULTATION_WORKING_DAYS), 'consultationLapsed'];
  }
  if (lastDay === null || type === null || today <= lastDay) return null;
  return { type, date: dayAfter(lastDay) };
}

/** Runs the lapse rules over one agency (staff) or every agency (a system job). */
export async function lapseExpired(ctx: UseCaseContext, input: unknown = {}): Promise<LapseResult> {
  const i = parseInput(lapseSchema, input);
  // a system job; without an agency it runs over all of them
  await authorize(ctx.db, ctx.actor, 'application.lapse', i.agencyId ?? 0);
  const today = ctx.clock.today();
  const ids = await listWaitingApplicationIds(ctx.db, i.agencyId ?? null);
  const lapsed: LapseResult['lapsed'][number][] = [];
  const failed: LapseResult['failed'][number][] = [];
  for (const applicationId of ids) {
    let built: ApplicationEvent | null = null;
    try {
      const done = await takeStepIfAny(ctx, {
        applicationId,
        action: 'application.lapse',
        event: (state) => (built = lapseDue(state, today, ctx.calendar)),
      });
      if (done && built) lapsed.push({ applicationId, event: (built as ApplicationEvent).type, on: (built as ApplicationEvent).date });
    } catch (error) {
      // each application is its own transaction: one that cannot be judged does not hold back the rest
      failed.push({ applicationId, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { checked: ids.length, lapsed, failed };
}
