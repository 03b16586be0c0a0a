/**
 * Who may apply (Art. 27, 29): a natural person, or a legal person / other organisation. The annual report's
 * table 三 splits organisations into five kinds; the ids here are the table's column ids, so an application's
 * applicant type is the column it is counted in.
 */

export const APPLICANT_TYPES = [
  { id: 'naturalPerson', label: '自然人', group: 'naturalPerson', identityDocument: 'idNumber' },
  { id: 'business', label: '商业企业', group: 'organisation', identityDocument: 'creditCode' },
  { id: 'research', label: '科研机构', group: 'organisation', identityDocument: 'creditCode' },
  { id: 'publicInterest', label: '社会公益组织', group: 'organisation', identityDocument: 'creditCode' },
  { id: 'legalService', label: '法律服务机构', group: 'organisation', identityDocument: 'creditCode' },
  { id: 'otherOrg', label: '其他', group: 'organisation', identityDocument: 'creditCode' },
] as const;

export type ApplicantTypeId = (typeof APPLICANT_TYPES)[number]['id'];
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const APPLICANT_GROUP_LABELS = { naturalPerson: '自然人', organisation: '法人或其他组织' } as const;

export const APPLICANT_TYPE_IDS: readonly ApplicantTypeId[] = APPLICANT_TYPES.map((t) => t.id);

export function isApplicantTypeId(value: unknown): value is ApplicantTypeId {
  return typeof value === 'string' && (APPLICANT_TYPE_IDS as readonly string[]).includes(value);
}

export function applicantType(id: ApplicantTypeId): ApplicantType {
  return APPLICANT_TYPES.find((t) => t.id === id)!;
}

/** 其他 alone is ambiguous outside the table: 其他组织 names the organisation kind in a sentence or a list. */
export function applicantTypeDisplayName(id: ApplicantTypeId): string {
  return id === 'otherOrg' ? '其他组织' : applicantType(id).label;
}
