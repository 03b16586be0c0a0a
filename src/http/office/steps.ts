/**
 * The workflow steps staff take on an application page: the URL slug of each, the use case it calls and how the
 * form's text fields become that use case's input (numbers parsed; blanks left out so the schema names them).
 */
import type { ApplicationDetail } from '../../modules/applications/use-cases/application-views.ts';
import type { UseCaseContext } from '../../modules/applications/use-cases/context.ts';
import type { EventType } from '../../modules/applications/domain/index.ts';
import { ROLE_ACTIONS, type Action, type StaffActor } from '../../modules/accounts/policy.ts';
import { approveExtension } from '../../modules/applications/use-cases/approve-extension.ts';
import { archive } from '../../modules/applications/use-cases/archive.ts';
import { issueFeeNotice } from '../../modules/applications/use-cases/issue-fee-notice.ts';
import { recordConsultationAnswer } from '../../modules/applications/use-cases/record-consultation-answer.ts';
import { recordDelivery } from '../../modules/applications/use-cases/record-delivery.ts';
import { recordFeePayment } from '../../modules/applications/use-cases/record-fee-payment.ts';
import { recordSupplement } from '../../modules/applications/use-cases/record-supplement.ts';
import { reply } from '../../modules/applications/use-cases/reply.ts';
import { requestSupplement } from '../../modules/applications/use-cases/request-supplement.ts';
import { startConsultation } from '../../modules/applications/use-cases/start-consultation.ts';
import { withdraw } from '../../modules/applications/use-cases/withdraw.ts';
import { nestFields, type FormBody } from '../forms/form-body.ts';

export const STEP_SLUGS = [
  'request-supplement',
  'record-supplement',
  'start-consultation',
  'record-consultation-answer',
  'approve-extension',
  'issue-fee-notice',
  'record-fee-payment',
  'reply',
  'record-delivery',
  'withdraw',
  'archive',
] as const;
export type StepSlug = (typeof STEP_SLUGS)[number];

type UseCase = (ctx: UseCaseContext, input: unknown) => Promise<ApplicationDetail>;

interface StepDef {
  /** the life-cycle event the step records (its button shows when the event is allowed next) */
  readonly event: EventType;
  readonly run: UseCase;
  /** what the policy asks of the actor (the page offers only the steps the actor may take) */
  readonly action: Action;
  /** fields whose text is a whole number */
  readonly numbers?: readonly string[];
}

export const STEPS: Readonly<Record<StepSlug, StepDef>> = {
  'request-supplement': { event: 'supplementRequested', run: requestSupplement, action: 'application.handle' },
  'record-supplement': { event: 'supplemented', run: recordSupplement, action: 'application.handle' },
  'start-consultation': { event: 'consultationStarted', run: startConsultation, action: 'application.handle' },
  'record-consultation-answer': { event: 'consultationAnswered', run: recordConsultationAnswer, action: 'application.handle' },
  'approve-extension': { event: 'extensionApproved', run: approveExtension, action: 'application.approveExtension', numbers: ['workingDays'] },
  'issue-fee-notice': { event: 'feeNoticeIssued', run: issueFeeNotice, action: 'application.handle', numbers: ['charge.nthInMonth', 'charge.pages'] },
  'record-fee-payment': { event: 'feePaid', run: recordFeePayment, action: 'application.handle' },
  reply: { event: 'replied', run: reply, action: 'application.reply' },
  'record-delivery': { event: 'delivered', run: recordDelivery, action: 'application.handle' },
  withdraw: { event: 'withdrawn', run: withdraw, action: 'application.handle' },
  archive: { event: 'archived', run: archive, action: 'application.handle' },
};

export function isStepSlug(value: string): value is StepSlug {
  return (STEP_SLUGS as readonly string[]).includes(value);
}

/** The steps whose event may come next and that the actor's role in the agency allows, in the order of STEP_SLUGS. */
export function stepsAllowed(nextSteps: readonly EventType[], actor: StaffActor, agencyId: number): StepSlug[] {
  const mayDo = (action: Action) => actor.roles.some((r) => r.agencyId === agencyId && ROLE_ACTIONS[r.role].has(action));
  return STEP_SLUGS.filter((slug) => nextSteps.includes(STEPS[slug].event) && mayDo(STEPS[slug].action));
}

function setPath(root: FormBody, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: FormBody = root;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === undefined || typeof next !== 'object') return;
    node = next as FormBody;
  }
  const last = parts.at(-1)!;
  if (typeof node[last] === 'string' && /^\d{1,6}$/.test(node[last] as string)) node[last] = Number(value);
}

/** The use case input of a step from its form fields. A number field that is not a whole number stays text (the schema refuses it). */
export function stepInput(slug: StepSlug, applicationId: number, fields: Readonly<Record<string, string>>, skip: readonly string[]): FormBody {
  const body = nestFields(fields, skip);
  for (const path of STEPS[slug].numbers ?? []) setPath(body, path, fields[path]?.trim());
  return { ...body, applicationId };
}
