/**
 * Personal data never enters the audit log in clear: the log is kept for years and read by staff who need not see
 * an applicant's 身份证号码 or phone. Values under personal-data keys are masked by their kind; every other string
 * is scanned for ID and phone numbers.
 */
import { maskIdNumber, maskName, maskPersonalData, maskPhone } from '../../applicants/domain/masking.ts';
import type { JsonValue } from './canonical-json.ts';

const ID_NUMBER_KEY = /^(id_?number|id_?no|id_?card|identity_?number)$/i;
const PHONE_KEY = /^(phone|mobile|tel|telephone|contact_?phone)$/i;
const PERSON_NAME_KEY = /^(applicant_?name|contact_?name|org_?legal_?representative|legal_?representative|person_?name)$/i;

export function maskDetails(value: JsonValue, key?: string): JsonValue {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return key !== undefined && (ID_NUMBER_KEY.test(key) || PHONE_KEY.test(key)) ? maskString(String(value), key) : value;
  if (typeof value === 'string') return maskString(value, key);
  if (Array.isArray(value)) return (value as readonly JsonValue[]).map((item) => maskDetails(item, key));
  const object = value as { readonly [k: string]: JsonValue | undefined };
  const masked: Record<string, JsonValue> = {};
  for (const [k, member] of Object.entries(object)) {
    if (member !== undefined) masked[k] = maskDetails(member, k);
  }
  return masked;
}

function maskString(text: string, key: string | undefined): string {
  if (key !== undefined) {
    if (ID_NUMBER_KEY.test(key)) return maskIdNumber(text);
    if (PHONE_KEY.test(key)) return maskPhone(text);
    if (PERSON_NAME_KEY.test(key)) return maskName(text);
  }
  return maskPersonalData(text);
}
