import { parseInput, recordDeliverySchema } from '../applications.schemas.ts';
import type { ApplicationDetail } from './application-views.ts';
import type { UseCaseContext } from './context.ts';
import { takeStep } from './transition.ts';

/** The reply reached the applicant (by post, e-mail, online, fax or collected in person). */
export async function recordDelivery(ctx: UseCaseContext, input: unknown): Promise<ApplicationDetail> {
  const i = parseInput(recordDeliverySchema, input);
  const date = i.on ?? ctx.clock.today();
  return takeStep(ctx, {
    applicationId: i.applicationId,
    action: 'application.handle',
    event: () => (i.channel ? { type: 'delivered', date, channel: i.channel } : { type: 'delivered', date }),
  });
}
