import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { LAPSE_LETTER_KINDS } from '../domain/kinds.ts';
import { applicationRefSchema, parseInput } from '../letters.schemas.ts';
import { issueLetters, type IssuedLetters } from './issue-pending-letters.ts';

/**
 * The lapse job's letters: the 视为放弃申请告知书 of a supplement (Art. 30) or fee (办法) lapse not issued yet, as the
 * job itself may act ('application.lapse', the system actor), and no other letter. Idempotent like
 * issuePendingLetters, which issues the same letters for staff (the letters page's button) if this one failed.
 */
export async function issueLapseLetters(ctx: UseCaseContext, input: unknown): Promise<IssuedLetters> {
  const i = parseInput(applicationRefSchema, input);
  return issueLetters(ctx, i.applicationId, 'application.lapse', (kind) => LAPSE_LETTER_KINDS.includes(kind));
}
