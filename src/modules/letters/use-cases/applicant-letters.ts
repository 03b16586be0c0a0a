/**
 * The applicant's own letters, reached only with the tracking code and the secret of the receipt (as the status
 * look-up): a letter id alone never opens a letter. Letters addressed to a consulted third party are never shown.
 */
import type { ApplicationRow } from '../../../db/schema.ts';
import { findApplicationByTrackingCode } from '../../applications/applications.repository.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { normaliseCode, secretMatches } from '../../applications/use-cases/tracking-code.ts';
import { notFound } from '../../applications/use-cases/transition.ts';
import { findLetterRow, listLetterRows } from '../letters.repository.ts';
import { applicantLetterSchema, applicantRefSchema, parseInput } from '../letters.schemas.ts';
import { letterNotFound } from './get-letter.ts';
import { letterDocument, letterSummary, type LetterDocument, type LetterSummary } from './letter-views.ts';

async function applicationOf(ctx: UseCaseContext, trackingCode: string, secret: string): Promise<ApplicationRow> {
  const row = await findApplicationByTrackingCode(ctx.db, normaliseCode(trackingCode));
  // compare a hash even when the code is unknown, so both failures take the same time
  const matches = secretMatches(secret, row?.secret_hash ?? '0'.repeat(64));
  if (!row || !matches) throw notFound();
  return row;
}

export async function listApplicantLetters(ctx: UseCaseContext, input: unknown): Promise<LetterSummary[]> {
  const i = parseInput(applicantRefSchema, input);
  const row = await applicationOf(ctx, i.trackingCode, i.secret);
  return (await listLetterRows(ctx.db, row.id)).map(letterSummary).filter((l) => l.addressee === 'applicant');
}

export async function getApplicantLetter(ctx: UseCaseContext, input: unknown): Promise<LetterDocument> {
  const i = parseInput(applicantLetterSchema, input);
  const row = await applicationOf(ctx, i.trackingCode, i.secret);
  const letter = await findLetterRow(ctx.db, row.id, i.letterId);
  const document = letter && letterDocument(letter, row.tracking_code);
  if (!document || document.addressee !== 'applicant') throw letterNotFound();
  return document;
}
