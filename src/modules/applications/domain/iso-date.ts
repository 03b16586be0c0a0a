import type { Result } from './result.ts';
import { fail, ok } from './result.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written YYYY-MM-DD that exists (no 2023-02-30). Dates compare as strings. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function checkDate(value: unknown, field: string): Result<string> {
  return isIsoDate(value)
    ? ok(value)
    : fail('input.invalidDate', `日期“${String(value)}”无效，请按“年-月-日”填写，例如 2023-09-28。`, { field, value });
}
