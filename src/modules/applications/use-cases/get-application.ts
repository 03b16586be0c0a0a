import { authorize } from '../applications.policy.ts';
import { getApplicationSchema, parseInput } from '../applications.schemas.ts';
import { findApplication, listEvents } from '../applications.repository.ts';
import { stateFromRows } from './application-state.ts';
import { detail, type ApplicationDetail } from './application-views.ts';
import type { UseCaseContext } from './context.ts';
import { notFound } from './transition.ts';

/** One application in full, with its history, for staff of its agency (or a supervisor above it). */
export async function getApplication(ctx: UseCaseContext, input: unknown): Promise<ApplicationDetail> {
  const i = parseInput(getApplicationSchema, input);
  const row = await findApplication(ctx.db, i.applicationId);
  if (!row) throw notFound();
  await authorize(ctx.db, ctx.actor, 'application.read', row.agency_id);
  const events = await listEvents(ctx.db, row.id);
  const today = ctx.clock.today();
  return detail(row, events, stateFromRows(row, events, ctx.calendar, today), today, ctx.calendar);
}
