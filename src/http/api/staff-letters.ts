/**
 * After a workflow step the letters the step calls for (告知书) are issued: the one call site of the staff API.
 * issuePendingLetters is idempotent and issues nothing when the step calls for no letter.
 */
import type { UseCaseContext } from '../../modules/applications/use-cases/context.ts';
import { issuePendingLetters } from '../../modules/letters/use-cases/issue-pending-letters.ts';

export async function issueLettersAfterStep(ctx: UseCaseContext, applicationId: number): Promise<void> {
  await issuePendingLetters(ctx, { applicationId });
}
