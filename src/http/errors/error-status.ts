/**
 * The one table from AppError codes to HTTP statuses. Nothing else in gongkai knows about HTTP statuses for domain
 * errors: a use case throws `AppError(code)`, and the web layer looks the code up here. The rules are read in
 * order; the first that matches wins. error-status.test.ts checks that every code in ERROR_CODES is matched by a
 * rule, so a new code cannot fall through unnoticed.
 */
import type { ErrorCode } from '../../errors.ts';

interface StatusRule {
  /** An exact code, or a pattern over codes. */
  readonly match: ErrorCode | RegExp;
  readonly status: number;
  /** Why the status (for the reader of this table). */
  readonly why: string;
}

export const ERROR_STATUS_RULES: readonly StatusRule[] = [
  { match: /\.notFound$/, status: 404, why: 'the thing asked for does not exist (or is not the caller’s to see)' },
  { match: 'remedy.applicationNotFound', status: 404, why: 'the application a remedy names does not exist' },
  { match: 'access.denied', status: 403, why: 'the actor may not do this in this agency' },
  { match: /^account\.(signIn\.failed|session\.invalid|token\.invalid)$/, status: 401, why: 'who is calling is not established' },
  { match: /(Taken|\.already[A-Z]\w*)$/, status: 409, why: 'conflicts with what is already stored' },
  { match: /\.event\.notAllowed$|^application\.archived$/, status: 409, why: 'an illegal transition of the life cycle' },
  { match: 'attachment.tooLarge', status: 413, why: 'the upload is over the size limit' },
  { match: 'attachment.empty', status: 400, why: 'the uploaded file has no content' },
  { match: /^attachment\.(typeNotAllowed|contentMismatch)$/, status: 415, why: 'the file type is not accepted' },
  { match: /^calendar\.(dataInvalid|yearUnknown)$/, status: 503, why: 'the holiday data the deadline needs is missing: an operator must act' },
  { match: /^(input|fee|calendar)\./, status: 400, why: 'the input is malformed' },
  {
    match: /^(application|catalogue|remedy|attachment|report)\./,
    status: 409,
    why: 'a rule of the law refuses this step in the current state (too late, too long, nothing due…)',
  },
];

/** The HTTP status for an AppError code; 500 when no rule matches (which the test forbids for known codes). */
export function statusForCode(code: string): number {
  for (const rule of ERROR_STATUS_RULES) {
    if (typeof rule.match === 'string' ? rule.match === code : rule.match.test(code)) return rule.status;
  }
  return 500;
}
