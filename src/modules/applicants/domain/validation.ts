/**
 * Results of checking what an applicant typed: either the normalised value or a typed error with a stable code
 * and a Chinese message for the person at the form. Never thrown: bad input is expected input.
 */

/** Every error code of the applicants module, with its message (the one place these texts live). */
export const APPLICANT_MESSAGES = {
  'applicant.idNumber.empty': '请填写身份证号码',
  'applicant.idNumber.length': '身份证号码应为18位',
  'applicant.idNumber.format': '身份证号码只能由数字组成，最后一位可以是X',
  'applicant.idNumber.legacy15': '15位的第一代身份证号码已于2013年1月1日停止使用，请填写18位身份证号码',
  'applicant.idNumber.region': '身份证号码前两位不是有效的省级行政区划代码',
  'applicant.idNumber.birthDate': '身份证号码中的出生日期（第7至14位）无效',
  'applicant.idNumber.birthDateFuture': '身份证号码中的出生日期晚于今天',
  'applicant.idNumber.checkDigit': '身份证号码校验位不正确',
  'applicant.creditCode.empty': '请填写统一社会信用代码',
  'applicant.creditCode.length': '统一社会信用代码应为18位',
  'applicant.creditCode.charset': '统一社会信用代码只能由数字和大写字母组成，且不使用I、O、Z、S、V',
  'applicant.creditCode.region': '统一社会信用代码第3至8位应为行政区划代码（6位数字）',
  'applicant.creditCode.checkDigit': '统一社会信用代码校验码不正确',
  'applicant.phone.empty': '请填写联系电话',
  'applicant.phone.format': '电话号码格式不正确，请填写11位手机号码或带区号的固定电话',
  'applicant.phone.mobile': '手机号码应为11位，以13至19开头',
  'applicant.phone.areaCode': '固定电话请加区号，例如 010-12345678',
  'applicant.phone.extension': '分机号应为1至6位数字',
} as const;

export type ApplicantErrorCode = keyof typeof APPLICANT_MESSAGES;

export interface ApplicantError {
  readonly ok: false;
  readonly code: ApplicantErrorCode;
  readonly message: string;
}

export type Validation<T> = { readonly ok: true; readonly value: T } | ApplicantError;

export function valid<T>(value: T): Validation<T> {
  return { ok: true, value };
}

export function invalid(code: ApplicantErrorCode): ApplicantError {
  return { ok: false, code, message: APPLICANT_MESSAGES[code] };
}

/** Full-width digits and letters to ASCII (NFKC), whitespace removed: what people paste from documents. */
export function compact(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '');
}
