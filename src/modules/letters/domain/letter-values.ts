/**
 * The values of a letter's placeholders, from the application, the event that issues the letter and the state the
 * event led to. Pure: the working-day calendar is passed in, today is never read.
 */
import type { WorkingCalendar } from '../../calendar/domain/calendar.ts';
import { CONSULTATION_WORKING_DAYS, FEE_PAYMENT_WORKING_DAYS, OUTCOMES } from '../../applications/domain/index.ts';
import type { ApplicationEvent, ApplicationState, FeeCharge } from '../../applications/domain/index.ts';
import type { AgencyKind } from '../../../db/schema.ts';
import { chineseDate } from './dates.ts';
import type { LetterKind } from './kinds.ts';
import type { PlaceholderName } from './placeholders.ts';

export interface LetterAgency {
  readonly name: string;
  readonly officeName: string | null;
  readonly officeAddress: string | null;
  readonly officePhone: string | null;
  readonly officeEmail: string | null;
  /** reconsiderationBody() of the agency and its parent */
  readonly reconsiderationBody: string;
}

export interface LetterApplication {
  readonly trackingCode: string;
  readonly applicantName: string;
  readonly receivedOn: string;
  readonly description: string;
}

export interface LetterSource {
  readonly agency: LetterAgency;
  readonly application: LetterApplication;
  readonly event: ApplicationEvent;
  /** What staff wrote with the step (what is missing, the reason for an extension, the party's name...). */
  readonly note: Readonly<Record<string, unknown>>;
  readonly stateAfter: ApplicationState;
  /** The reply deadline once the event is applied (null while it is stopped). */
  readonly dueOn: string | null;
}

/**
 * The body that hears a reconsideration (行政复议法 2023 第二十四条): a local government hears those against its own
 * departments and against the government one level below. Agencies with a vertical line of command (customs, tax...)
 * write their body into their own template.
 */
export function reconsiderationBody(agencyKind: AgencyKind, parent: { readonly name: string; readonly kind: AgencyKind } | null): string {
  if (parent?.kind === 'government') return parent.name;
  return agencyKind === 'department' ? '本级人民政府' : '上一级人民政府';
}

function feeStandard(charge: FeeCharge): string {
  return charge.standard === 'perApplication'
    ? `按件计收，本件为您本自然月内提出的第${charge.nthInMonth}件申请（《政府信息公开信息处理费管理办法》第四条）`
    : `按量计收，共${charge.pages}页（《政府信息公开信息处理费管理办法》第五条）`;
}

const text = (value: unknown, fallback: string): string => (typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback);

/** Every placeholder value the kind may use. */
export function letterValues(kind: LetterKind, source: LetterSource, calendar: WorkingCalendar): Partial<Record<PlaceholderName, string>> {
  const { agency, application, event, note, stateAfter } = source;
  const values: Partial<Record<PlaceholderName, string>> = {
    机关名称: agency.name,
    公开工作机构: agency.officeName ?? agency.name,
    机关地址: agency.officeAddress ?? '—',
    联系电话: agency.officePhone ?? '—',
    电子邮箱: agency.officeEmail ?? '—',
    申请人: application.applicantName,
    跟踪码: application.trackingCode,
    收到日期: chineseDate(application.receivedOn),
    申请内容: application.description,
    办理日期: chineseDate(event.date),
    答复期限: source.dueOn ? chineseDate(source.dueOn) : '—',
    复议机关: agency.reconsiderationBody,
  };
  switch (kind) {
    case 'supplementNotice':
      if (event.type === 'supplementRequested') {
        values.补正事项 = text(note['whatIsMissing'], '（见附页）');
        values.补正期限 = chineseDate(event.termEnds);
      }
      break;
    case 'consultationRequest':
      values.被征求意见方 = text(note['partyName'], '第三方');
      // Art. 32: 15 working days from the day the third party receives the request, at the earliest from its date.
      values.征求意见期限 = chineseDate(calendar.addWorkingDays(event.date, CONSULTATION_WORKING_DAYS));
      break;
    case 'extensionNotice':
      if (event.type === 'extensionApproved') {
        values.延长天数 = String(event.workingDays);
        values.延期理由 = text(note['reason'], '情况复杂');
      }
      break;
    case 'feeNotice':
      if (event.type === 'feeNoticeIssued' && stateAfter.fee) {
        values.收费金额 = String(stateAfter.fee.amount);
        values.收费标准 = feeStandard(event.charge);
        // 办法: 20 working days from the day after the notice is received.
        values.缴费期限 = chineseDate(calendar.addWorkingDays(event.noticeReceivedOn, FEE_PAYMENT_WORKING_DAYS));
        // the reply clock is stopped while the fee is unpaid: tell the working days left instead of a date
        values.答复期限 = source.dueOn ? chineseDate(source.dueOn) : '缴费之日起答复期限剩余的工作日内';
      }
      break;
    case 'reply':
      if (event.type === 'replied') {
        const outcome = OUTCOMES[event.outcome];
        values.答复结果 = outcome.label;
        values.答复内容 = outcome.letter;
        // the Regulations name no article for some outcomes: the basis the office recorded stands alone
        values.答复条款 = outcome.legalBasis.length > 0 ? outcome.legalBasis.join('、') : '见法律依据';
        values.法律依据 = event.legalBasis.trim().replace(/[。；;]+$/, '');
      }
      break;
    case 'withdrawalConfirmation':
      break;
    case 'supplementLapseNotice':
      // Art. 30: the state keeps the notice and its term; the lapse event is dated the day after the term.
      if (stateAfter.supplement) {
        values.通知日期 = chineseDate(stateAfter.supplement.requestedOn);
        values.补正期限 = chineseDate(stateAfter.supplement.termEnds);
      }
      break;
    case 'feeLapseNotice':
      if (stateAfter.fee) {
        values.通知日期 = chineseDate(stateAfter.fee.issuedOn);
        values.收费金额 = String(stateAfter.fee.amount);
        values.缴费期限 = chineseDate(calendar.addWorkingDays(stateAfter.fee.noticeReceivedOn, FEE_PAYMENT_WORKING_DAYS));
      }
      break;
  }
  return values;
}
