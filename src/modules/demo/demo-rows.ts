/**
 * A demo application plan as the rows the applications use cases would have stored (application, `received`
 * event, `replied` event), computed by the same pure life-cycle domain — for big runs, where a million use-case
 * transactions would take hours. Status, outcome, due date and closing date come from openApplication/applyEvent.
 */
import type { WorkingCalendar } from '../calendar/domain/calendar.ts';
import { applyEvent, dueDate, openApplication } from '../applications/domain/index.ts';
import type { NewApplicationEventRow, NewApplicationRow } from '../../db/schema.ts';
import { RECEIVED_EVENT } from '../applications/use-cases/application-state.ts';
import { hashSecret } from '../applications/use-cases/tracking-code.ts';
import type { DemoApplicationPlan, Random } from './demo-applications.ts';

export interface DemoRows {
  readonly application: NewApplicationRow;
  /** Without application_id (known once the application is inserted). */
  readonly events: Omit<NewApplicationEventRow, 'application_id'>[];
}

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** 12 characters like the real ones; the serial (5 base-31 digits) makes it unique within a run. */
export function demoTrackingCode(random: Random, serial: number): string {
  let code = '';
  for (let n = serial, i = 0; i < 5; i++, n = Math.floor(n / ALPHABET.length)) code += ALPHABET[n % ALPHABET.length];
  for (let i = 0; i < 7; i++) code += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return code;
}

/** A 16-character secret (its hash is stored; nobody needs it for demo data, but it must not be guessable). */
export function demoSecret(random: Random): string {
  let secret = '';
  for (let i = 0; i < 16; i++) secret += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return secret;
}

export function demoRows(
  plan: DemoApplicationPlan,
  ids: { readonly agencyId: number; readonly clerk: string; readonly reviewer: string },
  trackingCode: string,
  secret: string,
  calendar: WorkingCalendar,
  today: string,
): DemoRows {
  const wanted = { form: plan.form, delivery: plan.delivery };
  const opened = openApplication({ applicantType: plan.applicantType, facts: plan.facts, wanted }, today);
  if (!opened.ok) throw opened.error;
  let state = opened.value;
  const at = (day: string) => `${day}T02:00:00.000Z`;
  const events: Omit<NewApplicationEventRow, 'application_id'>[] = [
    { seq: 1, type: RECEIVED_EVENT, occurred_on: state.receivedOn, payload: JSON.stringify({ facts: plan.facts }), actor: ids.clerk, created_at: at(state.receivedOn) },
  ];
  if (plan.reply) {
    const next = applyEvent(state, { type: 'replied', date: plan.reply.on, outcome: plan.reply.outcome, legalBasis: plan.reply.legalBasis }, calendar, today);
    if (!next.ok) throw next.error;
    state = next.value;
    events.push({
      seq: 2,
      type: 'replied',
      occurred_on: plan.reply.on,
      payload: JSON.stringify({ outcome: plan.reply.outcome, legalBasis: plan.reply.legalBasis }),
      actor: plan.reply.outcome.startsWith('withheld') ? ids.reviewer : ids.clerk,
      created_at: at(plan.reply.on),
    });
  }
  const a = plan.applicant;
  const person = a.type === 'naturalPerson' ? a : null;
  const org = a.type === 'organisation' ? a : null;
  const updated = at(plan.reply?.on ?? state.receivedOn);
  return {
    events,
    application: {
      agency_id: ids.agencyId,
      tracking_code: trackingCode,
      secret_hash: hashSecret(secret),
      channel: state.channel,
      received_on: state.receivedOn,
      applicant_type: state.applicantType,
      applicant_name: a.name,
      id_type: person?.idType ?? null,
      id_number: person?.idNumber ?? null,
      phone: a.phone,
      email: null,
      address: a.address,
      org_credit_code: org?.creditCode ?? null,
      org_legal_representative: org?.legalRepresentative ?? null,
      org_contact_name: org?.contactName ?? null,
      description: plan.description,
      purpose: plan.purpose,
      form: plan.form,
      delivery: plan.delivery,
      state: state.status,
      outcome: state.outcome,
      due_on: dueDate(state, calendar),
      closed_on: state.closedOn,
      year: Number(state.receivedOn.slice(0, 4)),
      created_at: at(state.receivedOn),
      updated_at: updated,
    },
  };
}
