import { parseInput, recordSupplementSchema } from '../applications.schemas.ts';
import type { ApplicationDetail } from './application-views.ts';
import type { UseCaseContext } from './context.ts';
import { takeStep } from './transition.ts';

/** Art. 30: the supplemented application arrived; the 20 working days start again from this day. */
export async function recordSupplement(ctx: UseCaseContext, input: unknown): Promise<ApplicationDetail> {
  const i = parseInput(recordSupplementSchema, input);
  return takeStep(ctx, {
    applicationId: i.applicationId,
    action: 'application.handle',
    event: () => ({ type: 'supplemented', date: i.on ?? ctx.clock.today() }),
    note: { note: i.note },
  });
}
