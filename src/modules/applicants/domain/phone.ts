/**
 * Contact telephone numbers: mainland mobile numbers (1[3-9] + 9 digits) and fixed lines with their area code
 * (010 and 02X are followed by 8 digits; other 4-digit codes by 7 or 8) and an optional extension.
 */
import { invalid, valid } from './validation.ts';
import type { Validation } from './validation.ts';

export type Phone =
  | { readonly kind: 'mobile'; readonly phone: string; readonly number: string }
  | {
      readonly kind: 'landline';
      /** normalised: 010-12345678, or 010-12345678-123 with an extension */
      readonly phone: string;
      readonly areaCode: string;
      readonly number: string;
      readonly extension?: string;
    };

const MOBILE = /^1[3-9]\d{9}$/;
// (0AA)NNNNNNNN, 0AA-NNNNNNNN, 0AAANNNNNNN ..., then an optional extension: -123, 转123, 分机123, ext 123, x123, #123
const LANDLINE = /^(?:\((0\d{2,3})\)|(0\d{2,3}))-?(\d{7,8})(?:(?:-|转|分机|ext\.?|x|#)(\d*))?$/i;
const LOCAL_ONLY = /^[1-9]\d{6,7}(?:(?:-|转|分机|ext\.?|x|#)\d*)?$/i;

/** Checks a phone number; spaces, full-width digits and a +86 / 0086 prefix are accepted and normalised. */
export function validatePhone(input: string): Validation<Phone> {
  const text = input.normalize('NFKC').trim().replace(/[\s\u00a0]+/g, '');
  if (text === '') return invalid('applicant.phone.empty');
  const national = text.replace(/^(?:\+86|0086)-?/, '');
  const hasCountryCode = national !== text;

  const digits = national.replace(/-/g, '');
  if (/^86(1[3-9]\d{9})$/.test(digits)) return valid({ kind: 'mobile', phone: digits.slice(2), number: digits.slice(2) });
  // After +86 a leading 1 may also be Beijing's area code without its 0 (+86 10 ...); otherwise 1 means mobile.
  if (hasCountryCode ? /^1[3-9]/.test(digits) : /^1/.test(digits)) {
    return MOBILE.test(digits) ? valid({ kind: 'mobile', phone: digits, number: digits }) : invalid('applicant.phone.mobile');
  }

  // Written with its country code the area code loses its leading 0: +86 10 12345678.
  const withTrunk = hasCountryCode && /^[1-9]/.test(national) ? `0${national}` : national;
  const landline = LANDLINE.exec(/^0\d+(?:$|\D)/.test(withTrunk) ? splitArea(withTrunk) : withTrunk);
  if (landline) {
    const areaCode = (landline[1] ?? landline[2])!;
    const number = landline[3]!;
    const extension = landline[4];
    if (!areaAndNumberFit(areaCode, number)) return invalid('applicant.phone.format');
    if (extension !== undefined && !/^\d{1,6}$/.test(extension)) return invalid('applicant.phone.extension');
    const phone = `${areaCode}-${number}${extension ? `-${extension}` : ''}`;
    return valid({ kind: 'landline', phone, areaCode, number, ...(extension ? { extension } : {}) });
  }
  if (LOCAL_ONLY.test(national)) return invalid('applicant.phone.areaCode');
  return invalid('applicant.phone.format');
}

/** 01012345678 → 010-12345678: area codes 010 and 02X have three digits, all others four. */
function splitArea(s: string): string {
  const m = /^(0[12]\d|0[3-9]\d{2})(\d{7,8}.*)$/.exec(s);
  return m ? `${m[1]}-${m[2]}` : s;
}

function areaAndNumberFit(areaCode: string, number: string): boolean {
  if (number.startsWith('0')) return false;
  const threeDigit = areaCode === '010' || /^02\d$/.test(areaCode);
  if (threeDigit) return areaCode.length === 3 && number.length === 8;
  return areaCode.length === 4 && /^0[3-9]/.test(areaCode);
}
