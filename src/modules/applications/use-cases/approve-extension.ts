import { staffRoleIn } from '../applications.policy.ts';
import { approveExtensionSchema, parseInput } from '../applications.schemas.ts';
import type { ApplicationDetail } from './application-views.ts';
import type { UseCaseContext } from './context.ts';
import { takeStep } from './transition.ts';

/** Art. 33: one extension of at most 20 working days, approved by the head of the disclosure office (a reviewer). */
export async function approveExtension(ctx: UseCaseContext, input: unknown): Promise<ApplicationDetail> {
  const i = parseInput(approveExtensionSchema, input);
  return takeStep(ctx, {
    applicationId: i.applicationId,
    action: 'application.approveExtension',
    // the policy lets only a reviewer through; the domain checks the role again (Art. 33)
    event: (_state, row) => ({
      type: 'extensionApproved',
      date: i.on ?? ctx.clock.today(),
      workingDays: i.workingDays,
      approverRole: staffRoleIn(ctx.actor, row.agency_id),
    }),
    note: { reason: i.reason },
  });
}
