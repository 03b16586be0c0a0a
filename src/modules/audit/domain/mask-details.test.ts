import { describe, expect, it } from 'vitest';
import { maskDetails } from './mask-details.ts';

describe('maskDetails', () => {
  it('masks ID numbers, phones and applicant names under their keys', () => {
    expect(
      maskDetails({ idNumber: '110101199003074514', phone: '13812345678', applicantName: '张三丰', state: 'received' }),
    ).toEqual({ idNumber: '110101********4514', phone: '138****5678', applicantName: '张**', state: 'received' });
  });

  it('masks an ID number or phone written anywhere in free text, at any depth', () => {
    const masked = maskDetails({ note: ['申请人身份证110101199003074514，电话13812345678'] });
    expect(JSON.stringify(masked)).not.toContain('199003074514');
    expect(JSON.stringify(masked)).not.toContain('12345678');
    expect(masked).toEqual({ note: ['申请人身份证110101********4514，电话138****5678'] });
  });

  it('masks a phone given as a number, and leaves other numbers and booleans alone', () => {
    expect(maskDetails({ phone: 13812345678, count: 3, urgent: false })).toEqual({ phone: '138****5678', count: 3, urgent: false });
  });
});
