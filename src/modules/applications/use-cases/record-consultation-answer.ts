import { parseInput, recordConsultationAnswerSchema } from '../applications.schemas.ts';
import type { ApplicationDetail } from './application-views.ts';
import type { UseCaseContext } from './context.ts';
import { takeStep } from './transition.ts';

/**
 * The consulted party answered (consent or refusal), or its 15 working days passed without an answer (Art. 32:
 * the agency decides; Art. 34: silence is consent). The reply clock runs again.
 */
export async function recordConsultationAnswer(ctx: UseCaseContext, input: unknown): Promise<ApplicationDetail> {
  const i = parseInput(recordConsultationAnswerSchema, input);
  const date = i.on ?? ctx.clock.today();
  return takeStep(ctx, {
    applicationId: i.applicationId,
    action: 'application.handle',
    event: () => (i.answer === 'lapsed' ? { type: 'consultationLapsed', date } : { type: 'consultationAnswered', date }),
    note: { answer: i.answer, note: i.note },
  });
}
