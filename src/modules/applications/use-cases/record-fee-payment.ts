import { parseInput, recordFeePaymentSchema } from '../applications.schemas.ts';
import type { ApplicationDetail } from './application-views.ts';
import type { UseCaseContext } from './context.ts';
import { takeStep } from './transition.ts';

/** 办法: the fee was paid within 20 working days of the day after the notice was received; handling goes on. */
export async function recordFeePayment(ctx: UseCaseContext, input: unknown): Promise<ApplicationDetail> {
  const i = parseInput(recordFeePaymentSchema, input);
  return takeStep(ctx, {
    applicationId: i.applicationId,
    action: 'application.handle',
    event: () => ({ type: 'feePaid', date: i.on ?? ctx.clock.today() }),
  });
}
