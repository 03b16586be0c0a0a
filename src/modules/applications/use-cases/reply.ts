import { parseInput, replySchema } from '../applications.schemas.ts';
import type { ApplicationDetail } from './application-views.ts';
import type { UseCaseContext } from './context.ts';
import { takeStep } from './transition.ts';

/** Arts. 36-39: the reply, with exactly one outcome (the table 三 row it counts in) and the legal basis in the letter. */
export async function reply(ctx: UseCaseContext, input: unknown): Promise<ApplicationDetail> {
  const i = parseInput(replySchema, input);
  return takeStep(ctx, {
    applicationId: i.applicationId,
    action: 'application.reply',
    event: () => ({ type: 'replied', date: i.on ?? ctx.clock.today(), outcome: i.outcome, legalBasis: i.legalBasis }),
  });
}
