import { AppError } from '../../../errors.ts';
import { authorize } from '../../applications/applications.policy.ts';
import { findApplication } from '../../applications/applications.repository.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { notFound } from '../../applications/use-cases/transition.ts';
import { findLetterRow } from '../letters.repository.ts';
import { letterRefSchema, parseInput } from '../letters.schemas.ts';
import { letterDocument, type LetterDocument } from './letter-views.ts';

export function letterNotFound(): AppError {
  return new AppError('letter.notFound', '找不到该告知书。');
}

/** One issued letter of one application, as frozen, for staff who may read the application (scoped by its agency). */
export async function getLetter(ctx: UseCaseContext, input: unknown): Promise<LetterDocument> {
  const i = parseInput(letterRefSchema, input);
  const row = await findApplication(ctx.db, i.applicationId);
  if (!row) throw notFound();
  await authorize(ctx.db, ctx.actor, 'application.read', row.agency_id);
  const letter = await findLetterRow(ctx.db, row.id, i.letterId);
  if (!letter) throw letterNotFound();
  return letterDocument(letter, row.tracking_code);
}
