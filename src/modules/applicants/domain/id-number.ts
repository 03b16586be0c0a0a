/**
 * 居民身份证号码 (GB 11643-1999, 公民身份号码): 6-digit region code, 8-digit birth date, 3-digit sequence (odd for
 * men, even for women), 1 check character. The same structure is used on the residence permits for residents of
 * Hong Kong, Macao (81, 82) and Taiwan (83).
 */
import { dayNumberOrNaN, toDayNumber } from '../../calendar/domain/iso-date.ts';
import { compact, invalid, valid } from './validation.ts';
import type { Validation } from './validation.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** First two digits: provinces, autonomous regions, municipalities (GB/T 2260), 71 Taiwan, 81/82/83 permits. */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** Years before this in digits 7-10 are typing errors; GB 11643's own example 440524188001010014 is from 1880. */
const EARLIEST_BIRTH_YEAR = 1800;

export interface IdNumber {
  /** 18 characters, the check character as upper-case X */
  readonly idNumber: string;
  readonly regionCode: string;
  /** 'YYYY-MM-DD' */
  readonly birthDate: string;
  /** from the parity of the 17th digit */
  readonly sex: 'male' | 'female';
}

/** The check character of the first 17 digits (GB 11643-1999, ISO 7064 MOD 11-2). */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Checks a 居民身份证号码. `today` ('YYYY-MM-DD') is a parameter because domain code has no clock: a birth date after
 * it is refused. 15-digit first-generation numbers are refused with their own code (see upgradeLegacyIdNumber).
 */
export function validateIdNumber(input: string, options: { today: string }): Validation<IdNumber> {
  const today = toDayNumber(options.today);
  const id = compact(input).toUpperCase();
  if (id === '') return invalid('applicant.idNumber.empty');
  if (id.length === 15 && /^\d{15}$/.test(id)) return invalid('applicant.idNumber.legacy15');
  if (id.length !== 18) return invalid('applicant.idNumber.length');
  if (!/^\d{17}[\dX]$/.test(id)) return invalid('applicant.idNumber.format');
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return invalid('applicant.idNumber.region');
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const birthDay = dayNumberOrNaN(birthDate);
  if (Number.isNaN(birthDay) || Number(id.slice(6, 10)) < EARLIEST_BIRTH_YEAR) return invalid('applicant.idNumber.birthDate');
  if (birthDay > today) return invalid('applicant.idNumber.birthDateFuture');
  if (idNumberCheckChar(id) !== id[17]) return invalid('applicant.idNumber.checkDigit');
  return valid({
    idNumber: id,
    regionCode: id.slice(0, 6),
    birthDate,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  });
}

/**
 * Converts a 15-digit first-generation number (region, YYMMDD, sequence; all holders born in the 1900s) into the
 * 18-digit number the same person holds now: insert "19" before the year and append the check character. For
 * migrating old records; the result is then checked like any other number.
 */
export function upgradeLegacyIdNumber(input: string, options: { today: string }): Validation<IdNumber> {
  const id = compact(input);
  if (id === '') return invalid('applicant.idNumber.empty');
  if (!/^\d{15}$/.test(id)) return invalid(id.length === 15 ? 'applicant.idNumber.format' : 'applicant.idNumber.length');
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return validateIdNumber(first17 + idNumberCheckChar(first17), options);
}
