import { describe, it, expect } from 'vitest';
import { creditCodeCheckChar, validateCreditCode } from './credit-code.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // Codes as printed on published business licences; each check character is right by the standard.
  it.each(['91350100M000100Y43', '914403001922038216', '9144030071526726XG', '91330100716105852F'])(
    'accepts the known valid code %s',
    (code) => {
      expect(validateCreditCode(code)).toEqual({
        ok: true,
        value: {
          creditCode: code,
          registrationAuthority: code[0],
          category: code[1],
          regionCode: code.slice(2, 8),
          organisationCode: code.slice(8, 17),
        },
      });
    },
  );

  it('computes the check characters of the known codes from the algorithm (including one that is 31 → 0 free)', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
    expect(creditCodeCheckChar('9133010071610585I')).toBeUndefined(); // I is not in the charset
  });

  it('maps a check value of 31 to 0', () => {
    // Find, by the algorithm itself, a prefix whose weighted sum is divisible by 31; its check character must be 0.
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const base = '9135010000000000';
    const last = [...charset].find((c) => creditCodeCheckChar(base + c) === '0');
    expect(last).toBeDefined();
    expect(validateCreditCode(`${base}${last}0`).ok).toBe(true);
  });

  it.each([
    ['91350100m000100y43', '91350100M000100Y43', 'lower case'],
    ['9135 0100 M000 100Y 43', '91350100M000100Y43', 'spaces'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43', 'full-width characters'],
  ])('normalises %j (%s)', (input, expected) => {
    const result = validateCreditCode(input);
    expect(result.ok && result.value.creditCode).toBe(expected);
  });

  it.each([
    ['', 'applicant.creditCode.empty'],
    ['91350100M000100Y4', 'applicant.creditCode.length'],
    ['91350100M000100Y431', 'applicant.creditCode.length'],
    ['91350100I000100Y43', 'applicant.creditCode.charset'],
    ['91350100O000100Y43', 'applicant.creditCode.charset'],
    ['91350100Z000100Y43', 'applicant.creditCode.charset'],
    ['91350100S000100Y43', 'applicant.creditCode.charset'],
    ['91350100V000100Y43', 'applicant.creditCode.charset'],
    ['91350100M000100Y4-', 'applicant.creditCode.charset'],
    ['91A50100M000100Y43', 'applicant.creditCode.region'],
    ['91350100M000100Y44', 'applicant.creditCode.checkDigit'],
    ['91350100M000100Y34', 'applicant.creditCode.checkDigit'], // two characters swapped
  ])('rejects %j with %s and a Chinese message', (input, code) => {
    const result = validateCreditCode(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toMatch(/统一社会信用代码/);
    }
  });

  it('the check-digit error message is the one people see', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({
      ok: false,
      code: 'applicant.creditCode.checkDigit',
      message: '统一社会信用代码校验码不正确',
    });
  });
});
