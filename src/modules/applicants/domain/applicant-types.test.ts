import { describe, it, expect } from 'vitest';
import { APPLICANT_COLUMNS, APPLICANT_PART_COLUMN_IDS } from '../../annual-report/domain/formats/common.ts';
import { APPLICANT_TYPE_IDS, APPLICANT_TYPES, applicantTypeDisplayName, isApplicantTypeId } from './applicant-types.ts';

describe('applicant types (Art. 27, 29; table 三 columns)', () => {
  it('are the applicant columns of table 三, in order, with the same labels', () => {
    expect(APPLICANT_TYPE_IDS).toEqual(APPLICANT_PART_COLUMN_IDS);
    for (const type of APPLICANT_TYPES) {
      expect(APPLICANT_COLUMNS.find((c) => c.id === type.id)?.label).toBe(type.label);
    }
  });

  it('split into the natural person and the five kinds of organisation, each with its identity document', () => {
    expect(APPLICANT_TYPES.filter((t) => t.group === 'organisation').map((t) => t.label)).toEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
    expect(APPLICANT_TYPES.find((t) => t.id === 'naturalPerson')?.identityDocument).toBe('idNumber');
  });

  it('recognises its ids and nothing else', () => {
    expect(isApplicantTypeId('otherOrg')).toBe(true);
    expect(isApplicantTypeId('other')).toBe(false);
    expect(isApplicantTypeId('total')).toBe(false);
    expect(isApplicantTypeId(3)).toBe(false);
  });

  it('names the other-organisation kind unambiguously outside the table', () => {
    expect(applicantTypeDisplayName('otherOrg')).toBe('其他组织');
    expect(applicantTypeDisplayName('business')).toBe('商业企业');
  });
});
