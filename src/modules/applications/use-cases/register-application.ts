import type { Kysely, Transaction } from 'kysely';
import { GroupCommit } from '../../../db/group-commit.ts';
import type { Database } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { actorLabel, authorize } from '../applications.policy.ts';
import { parseInput, registerApplicationSchema, type ApplicationForm } from '../applications.schemas.ts';
import { agencyExists, insertApplication, insertEvent, trackingCodeTaken } from '../applications.repository.ts';
import { openApplication } from '../domain/index.ts';
import type { ApplicantType, ApplicationState, IntakeFacts } from '../domain/index.ts';
import { RECEIVED_EVENT, safeDueDate } from './application-state.ts';
import type { UseCaseContext } from './context.ts';
import { hashSecret, newSecret, newTrackingCode } from './tracking-code.ts';

export interface Registered {
  readonly applicationId: number;
  readonly trackingCode: string;
  /** Shown once on the receipt; only its hash is stored. */
  readonly secret: string;
  /** Art. 31 */
  readonly receivedOn: string;
  /** Art. 33: 20 working days from receipt */
  readonly dueOn: string | null;
}

function applicantType(form: ApplicationForm): ApplicantType {
  const a = form.applicant;
  if (a.type === 'naturalPerson') return 'naturalPerson';
  return a.orgType === 'other' ? 'otherOrg' : a.orgType;
}

/** A validated, authorised registration, ready to be written: everything but the database's part is decided. */
export interface PreparedRegistration {
  readonly agencyId: number;
  readonly form: ApplicationForm;
  readonly state: ApplicationState;
  readonly facts: IntakeFacts;
  readonly wanted: { readonly form: string; readonly delivery: string } | undefined;
  readonly dueOn: string | null;
  readonly secret: string;
  readonly now: string;
  readonly actor: string;
}

/**
 * Registers an application received by any channel (Art. 29). Staff give the facts of intake that fix the receipt
 * date (Art. 31); without them it is an online submission, which anyone may make and which the platform confirms at
 * once, so it is received today. Returns the tracking code and the secret (shown once) and the due date, only once
 * the registration is committed: submissions arriving together share one commit (see intake-queue.ts).
 */
export async function registerApplication(ctx: UseCaseContext, input: unknown): Promise<Registered> {
  const prepared = await prepareRegistration(ctx, input);
  if (ctx.db.isTransaction) return storeRegistration(ctx.db as Transaction<Database>, prepared);
  return intakeFor(ctx.db).submit(prepared);
}

/** One intake queue per database: concurrent submissions share a commit (1,000 durable submissions a second). */
const intakes = new WeakMap<Kysely<Database>, GroupCommit<Database, PreparedRegistration, Registered>>();

function intakeFor(db: Kysely<Database>): GroupCommit<Database, PreparedRegistration, Registered> {
  let intake = intakes.get(db);
  if (!intake) intakes.set(db, (intake = new GroupCommit(db, storeRegistration)));
  return intake;
}

async function prepareRegistration(ctx: UseCaseContext, input: unknown): Promise<PreparedRegistration> {
  const today = ctx.clock.today();
  const i = parseInput(registerApplicationSchema(today), input);
  if (i.intake !== undefined) await authorize(ctx.db, ctx.actor, 'application.register', i.agencyId);
  const facts: IntakeFacts = i.intake ?? { channel: 'online', submittedOn: today, confirmedByBothOn: today };
  const form = i.form;
  const wanted = form.form && form.delivery ? { form: form.form, delivery: form.delivery } : undefined;
  const opened = openApplication({ applicantType: applicantType(form), facts, ...(wanted ? { wanted } : {}) }, today);
  if (!opened.ok) throw opened.error;
  const state = opened.value;
  return {
    agencyId: i.agencyId,
    form,
    state,
    facts,
    wanted,
    dueOn: safeDueDate(state, ctx.calendar),
    secret: newSecret(),
    now: ctx.clock.now().toISOString(),
    actor: actorLabel(ctx.actor),
  };
}

/** Writes one prepared registration (application, receipt event, audit entry) inside the caller's transaction. */
export async function storeRegistration(trx: Transaction<Database>, p: PreparedRegistration): Promise<Registered> {
  if (!(await agencyExists(trx, p.agencyId))) {
    throw new AppError('agency.notFound', '找不到受理申请的机关。', { agencyId: p.agencyId });
  }
  const { form, state, wanted, dueOn, now, actor } = p;
  let trackingCode = newTrackingCode();
  while (await trackingCodeTaken(trx, trackingCode)) trackingCode = newTrackingCode();
  const a = form.applicant;
  const person = a.type === 'naturalPerson' ? a : null;
  const org = a.type === 'organisation' ? a : null;
  const applicationId = await insertApplication(trx, {
    agency_id: p.agencyId,
    tracking_code: trackingCode,
    secret_hash: hashSecret(p.secret),
    channel: state.channel,
    received_on: state.receivedOn,
    applicant_type: state.applicantType,
    applicant_name: a.name,
    id_type: person?.idType ?? null,
    id_number: person?.idNumber ?? null,
    phone: a.phone,
    email: a.email ?? null,
    address: a.address ?? null,
    org_credit_code: org?.creditCode ?? null,
    org_legal_representative: org?.legalRepresentative ?? null,
    org_contact_name: org?.contactName ?? null,
    description: form.description,
    purpose: form.purpose ?? null,
    // '' = not stated on the form (Art. 29(3) asks for it, the public API leaves it optional)
    form: wanted?.form ?? '',
    delivery: wanted?.delivery ?? '',
    state: state.status,
    outcome: null,
    due_on: dueOn,
    closed_on: null,
    year: Number(state.receivedOn.slice(0, 4)),
    created_at: now,
    updated_at: now,
  });
  await insertEvent(trx, {
    application_id: applicationId,
    seq: 1,
    type: RECEIVED_EVENT,
    occurred_on: state.receivedOn,
    payload: JSON.stringify({ facts: p.facts }),
    actor,
    created_at: now,
  });
  await appendAudit(trx, {
    agencyId: p.agencyId,
    actor,
    action: 'application.registered',
    subject: `application:${applicationId}`,
    details: { trackingCode, channel: state.channel, receivedOn: state.receivedOn, dueOn },
    at: now,
  });
  return { applicationId, trackingCode, secret: p.secret, receivedOn: state.receivedOn, dueOn };
}
