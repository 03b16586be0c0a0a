/**
 * The one error type of gongkai. A stable `code` for programs (the web layer maps codes to HTTP statuses in one
 * table), a Chinese `message` for the person in front of the screen, and optional `details` for logs and forms.
 * No HTTP in here. Every code is listed in ERROR_CODES and explained in docs/errors.md (a test keeps them in step).
 */

/** Every error code in use. Add a code here and a line in docs/errors.md together. */
export const ERROR_CODES = [
  // generic input checks
  'input.invalidDate',
  // applications: intake and receipt (Art. 29, 31)
  'application.receipt.notConfirmed',
  'application.receipt.beforeSubmission',
  // applications: the life cycle (Arts. 30-39)
  'application.event.unknown',
  'application.event.notAllowed',
  'application.event.beforePrevious',
  'application.event.inFuture',
  'application.archived',
  'application.supplement.alreadyRequested',
  'application.supplement.tooLate',
  'application.supplement.termInvalid',
  'application.supplement.notLapsed',
  'application.consultation.notLapsed',
  'application.extension.alreadyApproved',
  'application.extension.invalidLength',
  'application.extension.tooLong',
  'application.extension.notAuthorised',
  'application.extension.tooLate',
  'application.fee.alreadyIssued',
  'application.fee.nothingDue',
  'application.fee.volumeNotAllowed',
  'application.fee.tooLate',
  'application.fee.noticeReceiptInvalid',
  'application.fee.paymentTooLate',
  'application.fee.notLapsed',
  'application.reply.unknownOutcome',
  'application.reply.outcomeReserved',
  'application.reply.legalBasisMissing',
  'application.reply.noSupplementGiven',
  // fees (国办函〔2020〕109号)
  'fee.invalidQuantity',
  // input checked against a zod schema (details.issues: field path and Chinese message)
  'input.invalid',
  // authorisation (src/modules/accounts/policy.ts)
  'access.denied',
  // agencies and their hierarchy
  'agency.notFound',
  'agency.codeTaken',
  // staff accounts, sessions and API tokens
  'account.notFound',
  'account.usernameTaken',
  'account.signIn.failed',
  'account.session.invalid',
  'account.token.invalid',
  // case management: applications, the catalogue, remedies, attachments (use cases)
  'application.notFound',
  'input.dateInFuture',
  'catalogue.notFound',
  'catalogue.event.notAllowed',
  'catalogue.search.queryTooShort',
  'catalogue.yearlyCounts.unknownCell',
  'remedy.notFound',
  'remedy.applicationNotFound',
  'remedy.resultInvalid',
  'attachment.empty',
  'attachment.tooLarge',
  'attachment.typeNotAllowed',
  'attachment.contentMismatch',
  'attachment.notFound',
  // letters (告知书, src/modules/letters)
  'letter.notFound',
  // annual reports (Arts. 49-50)
  'report.hasErrors',
  // working-day calendar (src/modules/calendar/domain/calendar-errors.ts)
  'calendar.yearUnknown',
  'calendar.dataInvalid',
  'calendar.invalidCount',
  'calendar.invalidDate',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    /** For people: Chinese, specific, says what to do. */
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value);
}
