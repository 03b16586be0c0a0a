import { parseInput, requestSupplementSchema } from '../applications.schemas.ts';
import type { ApplicationDetail } from './application-views.ts';
import type { UseCaseContext } from './context.ts';
import { takeStep } from './transition.ts';

/** Art. 30: the one notice to supplement, within 7 working days of receipt, naming what is missing and a term. */
export async function requestSupplement(ctx: UseCaseContext, input: unknown): Promise<ApplicationDetail> {
  const i = parseInput(requestSupplementSchema, input);
  return takeStep(ctx, {
    applicationId: i.applicationId,
    action: 'application.handle',
    event: () => ({ type: 'supplementRequested', date: i.on ?? ctx.clock.today(), termEnds: i.termEnds }),
    note: { whatIsMissing: i.whatIsMissing },
  });
}
