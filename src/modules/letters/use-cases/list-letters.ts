import { authorize } from '../../applications/applications.policy.ts';
import { findApplication } from '../../applications/applications.repository.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { notFound } from '../../applications/use-cases/transition.ts';
import { listLetterRows } from '../letters.repository.ts';
import { applicationRefSchema, parseInput } from '../letters.schemas.ts';
import { letterSummary, type LetterSummary } from './letter-views.ts';

/** The letters issued for one application, oldest first, for staff who may read it. */
export async function listLetters(ctx: UseCaseContext, input: unknown): Promise<LetterSummary[]> {
  const i = parseInput(applicationRefSchema, input);
  const row = await findApplication(ctx.db, i.applicationId);
  if (!row) throw notFound();
  await authorize(ctx.db, ctx.actor, 'application.read', row.agency_id);
  return (await listLetterRows(ctx.db, row.id)).map(letterSummary);
}
