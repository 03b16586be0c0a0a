import { CalendarError } from '../../calendar/domain/calendar.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { actorLabel, authorize, type Action } from '../../applications/applications.policy.ts';
import { findApplication, listEvents } from '../../applications/applications.repository.ts';
import { eventFromRow, RECEIVED_EVENT, safeDueDate, stateFromRows } from '../../applications/use-cases/application-state.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { notFound } from '../../applications/use-cases/transition.ts';
import { AppError, isErrorCode } from '../../../errors.ts';
import { composeLetter } from '../domain/compose-letter.ts';
import { DEFAULT_TEMPLATES } from '../domain/default-templates.ts';
import { LETTER_KIND_DEFS, letterKindFor, type LetterKind } from '../domain/kinds.ts';
import { letterValues } from '../domain/letter-values.ts';
import { insertLetterRow, listLetterRows, listTemplateRows } from '../letters.repository.ts';
import { applicationRefSchema, parseInput } from '../letters.schemas.ts';
import { letterAgency } from './letter-agency.ts';
import { letterSummary, type LetterSummary } from './letter-views.ts';

/**
 * Issues every letter the application's events call for and that is not issued yet: the agency's template (or the
 * default) filled in and frozen in table letters, with an audit entry each. Idempotent: a second call issues nothing.
 * Each letter is dated the day of its event. The application row is locked, so two calls at once do not both issue.
 */
export async function issuePendingLetters(ctx: UseCaseContext, input: unknown): Promise<IssuedLetters> {
  const i = parseInput(applicationRefSchema, input);
  return issueLetters(ctx, i.applicationId, 'application.handle', () => true);
}

export interface IssuedLetters {
  readonly issued: readonly LetterSummary[];
}

/**
 * The work of issuePendingLetters for an actor allowed `action` in the application's agency, limited to the kinds
 * `wanted` accepts (the lapse job issues only its own letters: issue-lapse-letters.ts).
 */
export async function issueLetters(ctx: UseCaseContext, applicationId: number, action: Action, wanted: (kind: LetterKind) => boolean): Promise<IssuedLetters> {
  const today = ctx.clock.today();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findApplication(trx, applicationId, { lock: true });
    if (!row) throw notFound();
    await authorize(trx, ctx.actor, action, row.agency_id);
    const events = await listEvents(trx, row.id);
    const issuedKeys = new Set((await listLetterRows(trx, row.id)).map((l) => `${l.event_id}:${l.kind}`));
    const pending = events.flatMap((eventRow, index) => {
      if (eventRow.type === RECEIVED_EVENT) return [];
      const event = eventFromRow(eventRow);
      const kind = letterKindFor(event);
      return kind === null || !wanted(kind) || issuedKeys.has(`${eventRow.id}:${kind}`) ? [] : [{ eventRow, index, event, kind }];
    });
    if (pending.length === 0) return { issued: [] };

    const agency = await letterAgency(trx, row.agency_id);
    const templates = new Map((await listTemplateRows(trx, row.agency_id)).map((t) => [t.kind, t.body]));
    const now = ctx.clock.now().toISOString();
    const actor = actorLabel(ctx.actor);
    const issued: LetterSummary[] = [];
    for (const { eventRow, index, event, kind } of pending) {
      const stateAfter = stateFromRows(row, events.slice(0, index + 1), ctx.calendar, today);
      const values = withCalendarErrors(() =>
        letterValues(
          kind,
          {
            agency,
            application: { trackingCode: row.tracking_code, applicantName: row.applicant_name, receivedOn: row.received_on, description: row.description },
            event,
            note: JSON.parse(eventRow.payload) as Record<string, unknown>,
            stateAfter,
            dueOn: safeDueDate(stateAfter, ctx.calendar),
          },
          ctx.calendar,
        ),
      );
      const body = composeLetter(templates.get(kind) ?? DEFAULT_TEMPLATES[kind], values, { agencyName: agency.name, date: eventRow.occurred_on });
      const letter = {
        agency_id: row.agency_id,
        application_id: row.id,
        event_id: eventRow.id,
        kind,
        title: LETTER_KIND_DEFS[kind].title,
        body,
        issued_on: eventRow.occurred_on,
        issued_by: actor,
        created_at: now,
      };
      const id = await insertLetterRow(trx, letter);
      await appendAudit(trx, {
        agencyId: row.agency_id,
        actor,
        action: 'letter.issued',
        subject: `letter:${id}`,
        details: { applicationId: row.id, trackingCode: row.tracking_code, kind, eventSeq: eventRow.seq, issuedOn: eventRow.occurred_on, customTemplate: templates.has(kind) },
        at: now,
      });
      issued.push(letterSummary({ id, ...letter }));
    }
    return { issued };
  });
}

function withCalendarErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CalendarError) throw new AppError(isErrorCode(error.code) ? error.code : 'calendar.dataInvalid', error.message);
    throw error;
  }
}
