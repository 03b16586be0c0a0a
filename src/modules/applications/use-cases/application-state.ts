/**
 * An application's state, rebuilt from its stored row and events by the pure domain (openApplication, then
 * replayEvents): the stored `state` and `due_on` columns are a summary of that history for lists, never its source.
 */
import { CalendarError } from '../../calendar/domain/calendar.ts';
import type { WorkingCalendar } from '../../calendar/domain/calendar.ts';
import type { ApplicationEventRow, ApplicationRow } from '../../../db/schema.ts';
import { AppError, isErrorCode } from '../../../errors.ts';
import { dueDate, openApplication, replayEvents } from '../domain/index.ts';
import type { ApplicationEvent, ApplicationState, ApplicantType, Channel, DeliveryChannel, IntakeFacts, WantedAnswer, WantedForm } from '../domain/index.ts';

/** The event row written at registration: the Art. 31 facts of intake, not a domain event. */
export const RECEIVED_EVENT = 'received';

/** Facts that reproduce the stored receipt date (Art. 31) whatever the channel. */
function factsFromRow(row: ApplicationRow): IntakeFacts {
  const day = row.received_on;
  const channel = row.channel as Channel;
  switch (channel) {
    case 'inPerson':
      return { channel, handedInOn: day };
    case 'registeredPost':
      return { channel, signedForOn: day };
    case 'ordinaryPost':
      return { channel, arrivedOn: day, confirmedWithApplicantOn: day };
    default:
      return { channel, submittedOn: day, confirmedByBothOn: day };
  }
}

export function wantedFromRow(row: Pick<ApplicationRow, 'form' | 'delivery'>): WantedAnswer | null {
  return row.form === '' || row.delivery === '' ? null : { form: row.form as WantedForm, delivery: row.delivery as DeliveryChannel };
}

export function eventFromRow(row: ApplicationEventRow): ApplicationEvent {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  return { ...payload, type: row.type, date: row.occurred_on } as ApplicationEvent;
}

export function stateFromRows(
  row: ApplicationRow,
  events: readonly ApplicationEventRow[],
  calendar: WorkingCalendar,
  today: string,
): ApplicationState {
  const wanted = wantedFromRow(row);
  const opened = openApplication(
    { applicantType: row.applicant_type as ApplicantType, facts: factsFromRow(row), ...(wanted ? { wanted } : {}) },
    // a stored receipt date is never refused for being "in the future" when the clock is set back
    row.received_on > today ? row.received_on : today,
  );
  if (!opened.ok) throw opened.error;
  const domainEvents = events.filter((e) => e.type !== RECEIVED_EVENT).map(eventFromRow);
  // History is replayed as it was accepted: a clock set back must not make a stored event "in the future".
  const latest = domainEvents.reduce((max, e) => (e.date > max ? e.date : max), today);
  const replayed = replayEvents(opened.value, domainEvents, calendar, latest);
  if (!replayed.ok) throw replayed.error;
  return replayed.value;
}

/** dueDate, with a calendar gap (a year without holiday data) turned into its AppError. */
export function safeDueDate(state: ApplicationState, calendar: WorkingCalendar): string | null {
  try {
    return dueDate(state, calendar);
  } catch (error) {
    if (error instanceof CalendarError) {
      throw new AppError(isErrorCode(error.code) ? error.code : 'calendar.dataInvalid', error.message);
    }
    throw error;
  }
}
