/**
 * The one path by which a staff step changes an application: authorise → load → domain transition (applyEvent)
 * → store the event, the new state and the audit entry in ONE transaction. A refused step throws its AppError
 * inside the transaction, so nothing of it is stored.
 */
import type { ApplicationEventRow, ApplicationRow } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import type { JsonValue } from '../../audit/domain/canonical-json.ts';
import type { AuditDetails } from '../../audit/domain/chain.ts';
import { actorLabel, authorize, type Action } from '../applications.policy.ts';
import { findApplication, insertEvent, listEvents, updateApplication } from '../applications.repository.ts';
import { applyEvent } from '../domain/index.ts';
import type { ApplicationEvent, ApplicationState } from '../domain/index.ts';
import { safeDueDate, stateFromRows } from './application-state.ts';
import { detail, type ApplicationDetail } from './application-views.ts';
import type { UseCaseContext } from './context.ts';

export interface Step {
  readonly applicationId: number;
  readonly action: Action;
  /** The domain event, built from the current state; null when there is nothing to do (the lapse job). */
  readonly event: (state: ApplicationState, row: ApplicationRow) => ApplicationEvent | null;
  /** Kept with the event for the history (what was missing, the reason for an extension...), not read by the domain. */
  readonly note?: Readonly<Record<string, JsonValue | undefined>>;
}

export function notFound(): AppError {
  return new AppError('application.notFound', '找不到该申请。');
}

export async function takeStep(ctx: UseCaseContext, step: Step): Promise<ApplicationDetail> {
  const done = await takeStepIfAny(ctx, step);
  if (done === null) throw new Error('takeStep: the step built no event');
  return done;
}

/** takeStep, or null (and nothing stored) when the step's builder finds nothing to do. */
export async function takeStepIfAny(ctx: UseCaseContext, step: Step): Promise<ApplicationDetail | null> {
  const today = ctx.clock.today();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findApplication(trx, step.applicationId, { lock: true });
    if (!row) throw notFound();
    await authorize(trx, ctx.actor, step.action, row.agency_id);
    const events = await listEvents(trx, row.id);
    const state = stateFromRows(row, events, ctx.calendar, today);
    const event = step.event(state, row);
    if (event === null) return null;
    const next = applyEvent(state, event, ctx.calendar, today);
    if (!next.ok) throw next.error;
    const dueOn = safeDueDate(next.value, ctx.calendar);
    const now = ctx.clock.now().toISOString();
    const { type, date, ...fields } = event;
    const payload = { ...fields, ...withoutUndefined(step.note ?? {}) };
    const eventRow: ApplicationEventRow = {
      id: 0,
      application_id: row.id,
      seq: (events.at(-1)?.seq ?? 0) + 1,
      type,
      occurred_on: date,
      payload: JSON.stringify(payload),
      actor: actorLabel(ctx.actor),
      created_at: now,
    };
    const { id: _id, ...newEvent } = eventRow;
    await insertEvent(trx, newEvent);
    const changes = {
      state: next.value.status,
      outcome: next.value.outcome,
      due_on: dueOn,
      closed_on: next.value.closedOn,
      updated_at: now,
    };
    await updateApplication(trx, row.id, changes);
    await appendAudit(trx, {
      agencyId: row.agency_id,
      actor: actorLabel(ctx.actor),
      action: `application.${type}`,
      subject: `application:${row.id}`,
      details: { trackingCode: row.tracking_code, on: date, from: state.status, to: next.value.status, dueOn, ...payload } as AuditDetails,
      at: now,
    });
    return detail({ ...row, ...changes }, [...events, eventRow], next.value, today, ctx.calendar);
  });
}

function withoutUndefined(record: Readonly<Record<string, JsonValue | undefined>>): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Record<string, JsonValue>;
}
