import { parseInput, lookupStatusSchema } from '../applications.schemas.ts';
import { findApplicationByTrackingCode, listEvents } from '../applications.repository.ts';
import { stateFromRows } from './application-state.ts';
import { publicStatus, type PublicStatus } from './application-views.ts';
import type { UseCaseContext } from './context.ts';
import { normaliseCode, secretMatches } from './tracking-code.ts';
import { notFound } from './transition.ts';

/**
 * The applicant's own view (portal, public API): tracking code plus secret. A wrong code and a wrong secret get the
 * same "not found", so the answer never tells which codes exist.
 */
export async function lookupStatus(ctx: UseCaseContext, input: unknown): Promise<PublicStatus> {
  const i = parseInput(lookupStatusSchema, input);
  const row = await findApplicationByTrackingCode(ctx.db, normaliseCode(i.trackingCode));
  // compare a hash even when the code is unknown, so both failures take the same time
  const matches = secretMatches(i.secret, row?.secret_hash ?? '0'.repeat(64));
  if (!row || !matches) throw notFound();
  const events = await listEvents(ctx.db, row.id);
  return publicStatus(row, stateFromRows(row, events, ctx.calendar, ctx.clock.today()));
}
