import { describe, it, expect } from 'vitest';
import { validatePhone } from './phone.ts';

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
  ])('accepts the mobile number %j as %s', (input, phone) => {
    expect(validatePhone(input)).toEqual({ ok: true, value: { kind: 'mobile', phone, number: phone } });
  });

  it.each([
    ['010-65123456', '010-65123456', '010', '65123456', undefined],
    ['(010)65123456', '010-65123456', '010', '65123456', undefined],
    ['（010）65123456', '010-65123456', '010', '65123456', undefined],
    ['01065123456', '010-65123456', '010', '65123456', undefined], // 010 and 02X are three digits
    ['02165123456', '021-65123456', '021', '65123456', undefined],
    ['0755-8765432', '0755-8765432', '0755', '8765432', undefined],
    ['07558765432', '0755-8765432', '0755', '8765432', undefined],
    ['0755 87654321', '0755-87654321', '0755', '87654321', undefined],
    ['+86 10 65123456', '010-65123456', '010', '65123456', undefined],
    ['+86-755-87654321', '0755-87654321', '0755', '87654321', undefined],
    ['010-65123456转123', '010-65123456-123', '010', '65123456', '123'],
    ['010-65123456-8', '010-65123456-8', '010', '65123456', '8'],
    ['0755-87654321 ext. 12', '0755-87654321-12', '0755', '87654321', '12'],
    ['0755-87654321分机12', '0755-87654321-12', '0755', '87654321', '12'],
  ])('accepts the fixed line %j as %s', (input, phone, areaCode, number, extension) => {
    expect(validatePhone(input)).toEqual({
      ok: true,
      value: { kind: 'landline', phone, areaCode, number, ...(extension ? { extension } : {}) },
    });
  });

  it.each([
    ['', 'applicant.phone.empty'],
    ['  ', 'applicant.phone.empty'],
    ['12812345678', 'applicant.phone.mobile'], // second digit 2
    ['1381234567', 'applicant.phone.mobile'], // 10 digits
    ['138123456789', 'applicant.phone.mobile'], // 12 digits
    ['+86 128 1234 5678', 'applicant.phone.format'],
    ['65123456', 'applicant.phone.areaCode'],
    ['8765432', 'applicant.phone.areaCode'],
    ['010-6512345', 'applicant.phone.format'], // Beijing numbers have 8 digits
    ['021-05123456', 'applicant.phone.format'], // a local number never starts with 0
    ['0755-876543210', 'applicant.phone.format'],
    ['0123-8765432', 'applicant.phone.format'], // no such area code
    ['010-65123456-1234567', 'applicant.phone.extension'],
    ['010-65123456转', 'applicant.phone.extension'],
    ['400-800-1234', 'applicant.phone.format'],
    ['abc', 'applicant.phone.format'],
    ['138-1234-567a', 'applicant.phone.mobile'],
  ])('rejects %j with %s', (input, code) => {
    const result = validatePhone(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
