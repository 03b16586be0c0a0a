/**
 * What the use cases hand back: plain objects for pages, the API and the CLI. Lists mask 身份证号码 and phone
 * numbers; the public view shows only progress, never personal data.
 */
import type { WorkingCalendar } from '../../calendar/domain/calendar.ts';
import { maskIdNumber, maskPhone } from '../../applicants/domain/masking.ts';
import type { ApplicationEventRow, ApplicationRow } from '../../../db/schema.ts';
import { EVENT_LABELS, OUTCOMES, STATUS_LABELS, eventsAllowedIn } from '../domain/index.ts';
import type { ApplicationState, EventType, OutcomeId, Status } from '../domain/index.ts';
import { RECEIVED_EVENT } from './application-state.ts';

/** Art. 33 reminders: a running term already past, or ending within this many working days. */
export const DUE_SOON_WORKING_DAYS = 3;

export interface DeadlineFlags {
  readonly overdue: boolean;
  readonly dueSoon: boolean;
}

/** Only `registered` has a running reply clock; every other open status stops it (domain/due-date.ts). */
export function deadlineFlags(status: string, dueOn: string | null, today: string, calendar: WorkingCalendar): DeadlineFlags {
  if (status !== 'registered' || dueOn === null) return { overdue: false, dueSoon: false };
  if (today > dueOn) return { overdue: true, dueSoon: false };
  return { overdue: false, dueSoon: calendar.workingDaysBetween(today, dueOn) <= DUE_SOON_WORKING_DAYS };
}

export interface ApplicantView {
  readonly type: string;
  readonly name: string;
  readonly idType: string | null;
  readonly idNumber: string | null;
  readonly creditCode: string | null;
  readonly legalRepresentative: string | null;
  readonly contactName: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly address: string | null;
}

export interface ApplicationListItem extends DeadlineFlags {
  readonly id: number;
  readonly agencyId: number;
  readonly trackingCode: string;
  readonly status: Status;
  readonly statusLabel: string;
  readonly channel: string;
  readonly receivedOn: string;
  readonly dueOn: string | null;
  readonly outcome: string | null;
  readonly closedOn: string | null;
  readonly applicant: ApplicantView;
  readonly description: string;
}

function applicantOf(row: ApplicationRow, mask: boolean): ApplicantView {
  const m = <T extends string | null>(value: T, f: (v: string) => string): T | string => (mask && value !== null ? f(value) : value);
  return {
    type: row.applicant_type,
    name: row.applicant_name,
    idType: row.id_type,
    idNumber: m(row.id_number, maskIdNumber),
    creditCode: row.org_credit_code,
    legalRepresentative: row.org_legal_representative,
    contactName: row.org_contact_name,
    phone: m(row.phone, maskPhone),
    email: row.email,
    address: row.address,
  };
}

export function listItem(row: ApplicationRow, today: string, calendar: WorkingCalendar, mask = true): ApplicationListItem {
  const status = row.state as Status;
  return {
    id: row.id,
    agencyId: row.agency_id,
    trackingCode: row.tracking_code,
    status,
    statusLabel: STATUS_LABELS[status] ?? row.state,
    channel: row.channel,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    outcome: row.outcome,
    closedOn: row.closed_on,
    applicant: applicantOf(row, mask),
    description: row.description,
    ...deadlineFlags(row.state, row.due_on, today, calendar),
  };
}

export interface HistoryEntry {
  readonly seq: number;
  readonly type: string;
  readonly label: string;
  readonly on: string;
  readonly actor: string;
  readonly details: Record<string, unknown>;
}

/** The staff view of one application: everything, in full (staff answer the applicant), with its history. */
export interface ApplicationDetail extends ApplicationListItem {
  readonly purpose: string | null;
  readonly wanted: { readonly form: string; readonly delivery: string } | null;
  readonly legalBasis: string | null;
  readonly supplement: ApplicationState['supplement'];
  readonly consultations: ApplicationState['consultations'];
  readonly extension: ApplicationState['extension'];
  readonly fee: ApplicationState['fee'];
  readonly deliveredOn: string | null;
  readonly archivedOn: string | null;
  /** the steps staff may take next (buttons) */
  readonly nextSteps: readonly EventType[];
  readonly history: readonly HistoryEntry[];
}

export function detail(
  row: ApplicationRow,
  events: readonly ApplicationEventRow[],
  state: ApplicationState,
  today: string,
  calendar: WorkingCalendar,
): ApplicationDetail {
  return {
    ...listItem(row, today, calendar, false),
    purpose: row.purpose,
    wanted: state.wanted,
    legalBasis: state.legalBasis,
    supplement: state.supplement,
    consultations: state.consultations,
    extension: state.extension,
    fee: state.fee,
    deliveredOn: state.deliveredOn,
    archivedOn: state.archivedOn,
    nextSteps: eventsAllowedIn(state.status),
    history: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      label: e.type === RECEIVED_EVENT ? '收到申请' : (EVENT_LABELS[e.type as EventType] ?? e.type),
      on: e.occurred_on,
      actor: e.actor,
      details: JSON.parse(e.payload) as Record<string, unknown>,
    })),
  };
}

/** What the applicant sees with the tracking code and secret: progress only. */
export interface PublicStatus {
  readonly trackingCode: string;
  readonly status: Status;
  readonly statusLabel: string;
  readonly receivedOn: string;
  readonly dueOn: string | null;
  /** once the reply is sent */
  readonly reply: { readonly on: string; readonly outcome: string; readonly outcomeLabel: string; readonly legalBasis: string | null } | null;
}

export function publicStatus(row: ApplicationRow, state: ApplicationState): PublicStatus {
  const replied = state.closure === 'reply' && state.closedOn !== null && state.outcome !== null;
  return {
    trackingCode: row.tracking_code,
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    receivedOn: state.receivedOn,
    dueOn: row.due_on,
    reply: replied
      ? {
          on: state.closedOn!,
          outcome: state.outcome!,
          outcomeLabel: OUTCOMES[state.outcome as OutcomeId].label,
          legalBasis: state.legalBasis,
        }
      : null,
  };
}
