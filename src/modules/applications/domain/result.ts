import { AppError } from '../../../errors.ts';
import type { ErrorCode } from '../../../errors.ts';

/** A domain answer: a value, or a typed error for people (never thrown across the domain boundary). */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(code: ErrorCode, message: string, details: Record<string, unknown> = {}): Result<T> => ({
  ok: false,
  error: new AppError(code, message, details),
});
