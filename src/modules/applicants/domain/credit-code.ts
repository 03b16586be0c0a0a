/**
 * 统一社会信用代码 (GB 32100-2015): 1 registration authority, 1 organisation category, 6-digit region code,
 * 9-character organisation code, 1 check character; 31 characters allowed (no I, O, Z, S, V).
 */
import { compact, invalid, valid } from './validation.ts';
import type { Validation } from './validation.ts';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export interface CreditCode {
  readonly creditCode: string;
  /** 登记管理部门码, e.g. 9 for market regulation (工商) */
  readonly registrationAuthority: string;
  /** 机构类别码, e.g. 1 for an enterprise under authority 9 */
  readonly category: string;
  readonly regionCode: string;
  /** 主体标识码 (组织机构代码) */
  readonly organisationCode: string;
}

/** The check character of the first 17 characters, or undefined if one is outside the charset. */
export function creditCodeCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return CHARSET[check === 31 ? 0 : check];
}

/**
 * Checks a 统一社会信用代码 (charset, region digits, check character). Lower-case letters and full-width characters
 * are accepted and normalised. The inner GB 11714 check of the organisation code is not enforced (see docs).
 */
export function validateCreditCode(input: string): Validation<CreditCode> {
  const code = compact(input).toUpperCase();
  if (code === '') return invalid('applicant.creditCode.empty');
  if (code.length !== 18) return invalid('applicant.creditCode.length');
  for (const ch of code) if (!CHARSET.includes(ch)) return invalid('applicant.creditCode.charset');
  if (!/^\d{6}$/.test(code.slice(2, 8))) return invalid('applicant.creditCode.region');
  if (creditCodeCheckChar(code) !== code[17]) return invalid('applicant.creditCode.checkDigit');
  return valid({
    creditCode: code,
    registrationAuthority: code[0]!,
    category: code[1]!,
    regionCode: code.slice(2, 8),
    organisationCode: code.slice(8, 17),
  });
}
