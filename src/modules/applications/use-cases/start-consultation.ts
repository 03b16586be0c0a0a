import { parseInput, startConsultationSchema } from '../applications.schemas.ts';
import type { ApplicationDetail } from './application-views.ts';
import type { UseCaseContext } from './context.ts';
import { takeStep } from './transition.ts';

/** Art. 32 (a third party) or Art. 34 (another agency): asked in writing; the reply clock stops (Art. 33). */
export async function startConsultation(ctx: UseCaseContext, input: unknown): Promise<ApplicationDetail> {
  const i = parseInput(startConsultationSchema, input);
  return takeStep(ctx, {
    applicationId: i.applicationId,
    action: 'application.handle',
    event: () => ({ type: 'consultationStarted', date: i.on ?? ctx.clock.today(), party: i.party }),
    note: { partyName: i.partyName },
  });
}
