/**
 * Online application forms as the portal sends them to register-application: natural persons with a valid ID
 * number and phone, organisations with a valid 统一社会信用代码, and descriptions of realistic length.
 */
import { address, creditCode, description, idNumber, organisationName, personName, phone, purpose } from './applicants.ts';
import { APPLICANT_MIX } from './case-data.ts';
import type { Random } from './random.ts';

const FORMS = ['paper', 'electronic', 'electronic', 'inspection'] as const;
const DELIVERIES = ['post', 'email', 'online', 'collect'] as const;

export function onlineSubmission(r: Random, agencyId: number, year: number): Record<string, unknown> {
  const type = APPLICANT_MIX(r);
  const contact = { phone: phone(r), ...(r.chance(0.4) ? { email: `user${r.digits(6)}@example.cn` } : {}), ...(r.chance(0.6) ? { address: address(r) } : {}) };
  const applicant =
    type === 'naturalPerson'
      ? { type: 'naturalPerson', name: personName(r), idType: '居民身份证', idNumber: idNumber(r), ...contact }
      : { type: 'organisation', orgType: type === 'otherOrg' ? 'other' : type, name: organisationName(r), creditCode: creditCode(r), legalRepresentative: personName(r), contactName: personName(r), ...contact };
  const wanted = r.chance(0.9) ? { form: r.pick(FORMS), delivery: r.pick(DELIVERIES) } : {};
  const why = purpose(r);
  return { agencyId, form: { applicant, description: description(r, year), ...(why ? { purpose: why } : {}), ...wanted } };
}
