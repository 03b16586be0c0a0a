import { archiveSchema, parseInput } from '../applications.schemas.ts';
import type { ApplicationDetail } from './application-views.ts';
import type { UseCaseContext } from './context.ts';
import { takeStep } from './transition.ts';

/** Files a finished application; nothing can happen to it afterwards. */
export async function archive(ctx: UseCaseContext, input: unknown): Promise<ApplicationDetail> {
  const i = parseInput(archiveSchema, input);
  return takeStep(ctx, {
    applicationId: i.applicationId,
    action: 'application.handle',
    event: () => ({ type: 'archived', date: i.on ?? ctx.clock.today() }),
  });
}
