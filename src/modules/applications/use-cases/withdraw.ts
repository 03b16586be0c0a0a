import { parseInput, withdrawSchema } from '../applications.schemas.ts';
import type { ApplicationDetail } from './application-views.ts';
import type { UseCaseContext } from './context.ts';
import { takeStep } from './transition.ts';

/** The applicant withdrew the application (recorded by staff); it counts under table 三 （六）3 其他. */
export async function withdraw(ctx: UseCaseContext, input: unknown): Promise<ApplicationDetail> {
  const i = parseInput(withdrawSchema, input);
  return takeStep(ctx, {
    applicationId: i.applicationId,
    action: 'application.handle',
    event: () => ({ type: 'withdrawn', date: i.on ?? ctx.clock.today() }),
  });
}
