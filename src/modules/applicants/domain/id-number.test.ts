import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { idNumberCheckChar, upgradeLegacyIdNumber, validateIdNumber } from './id-number.ts';

const today = '2026-11-25';

describe('居民身份证号码 (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female'], // the example printed in GB 11643-1999
    ['440524188001010014', '1880-01-01', 'male'], // the standard's other example
    ['110101199003074514', '1990-03-07', 'male'],
  ])('accepts the published example %s', (id, birthDate, sex) => {
    expect(validateIdNumber(id, { today })).toEqual({
      ok: true,
      value: { idNumber: id, regionCode: id.slice(0, 6), birthDate, sex },
    });
  });

  it('computes the check characters of the published examples from the algorithm', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
  });

  it.each([
    ['11010519491231002x', '11010519491231002X', 'a lower-case x'],
    [' 110105 19491231 002X ', '11010519491231002X', 'spaces'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X', 'full-width characters'],
  ])('normalises %j (%s)', (input, expected) => {
    const result = validateIdNumber(input, { today });
    expect(result.ok && result.value.idNumber).toBe(expected);
  });

  it.each([
    ['', 'applicant.idNumber.empty', '请填写身份证号码'],
    ['   ', 'applicant.idNumber.empty', '请填写身份证号码'],
    ['110105491231002', 'applicant.idNumber.legacy15', '15位'],
    ['1101051949123100', 'applicant.idNumber.length', '18位'],
    ['11010519491231002X1', 'applicant.idNumber.length', '18位'],
    ['1101051949123100XX', 'applicant.idNumber.format', '最后一位可以是X'],
    ['11010519491231A02X', 'applicant.idNumber.format', '数字'],
    ['11010519491231002Y', 'applicant.idNumber.format', '数字'],
    ['00010519491231002X', 'applicant.idNumber.region', '行政区划'],
    ['99010519491231002X', 'applicant.idNumber.region', '行政区划'],
    ['110105199002300028', 'applicant.idNumber.birthDate', '出生日期'], // 30 February
    ['110105199013010026', 'applicant.idNumber.birthDate', '出生日期'], // month 13
    ['110105079901010028', 'applicant.idNumber.birthDate', '出生日期'], // year 0799
    ['110105202612010022', 'applicant.idNumber.birthDateFuture', '晚于今天'], // 2026-12-01, after `today`
    ['110101199003074515', 'applicant.idNumber.checkDigit', '身份证号码校验位不正确'],
    ['11010519491231002', 'applicant.idNumber.length', '18位'],
  ])('rejects %j with %s', (input, code, message) => {
    const result = validateIdNumber(input, { today });
    expect(result).toEqual({ ok: false, code, message: expect.stringContaining(message) });
  });

  it('the examples for the birth-date errors have right check digits, so only the date is at fault', () => {
    for (const id of ['110105199002300028', '110105199013010026', '110105079901010028', '110105202612010022']) {
      expect(idNumberCheckChar(id)).toBe(id[17]);
    }
  });

  it('takes today as a parameter: a child born today is valid, tomorrow is not', () => {
    const first17 = '11010520261125002';
    const id = first17 + idNumberCheckChar(first17);
    expect(validateIdNumber(id, { today: '2026-11-25' }).ok).toBe(true);
    expect(validateIdNumber(id, { today: '2026-11-24' })).toMatchObject({ ok: false, code: 'applicant.idNumber.birthDateFuture' });
  });

  it('detects any single wrong character (MOD 11-2 property)', () => {
    const id = '110101199003074514';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (pos, ch) => {
        fc.pre(id[pos] !== ch && (pos === 17 || ch !== 'X'));
        const changed = id.slice(0, pos) + ch + id.slice(pos + 1);
        expect(validateIdNumber(changed, { today }).ok).toBe(false);
      }),
    );
  });

  it('upgrades a 15-digit first-generation number to the 18-digit one (for old records)', () => {
    expect(upgradeLegacyIdNumber('110105491231002', { today })).toMatchObject({
      ok: true,
      value: { idNumber: '11010519491231002X', birthDate: '1949-12-31' },
    });
    expect(upgradeLegacyIdNumber('11010549123100', { today })).toMatchObject({ ok: false, code: 'applicant.idNumber.length' });
    expect(upgradeLegacyIdNumber('11010549123100A', { today })).toMatchObject({ ok: false, code: 'applicant.idNumber.format' });
    expect(upgradeLegacyIdNumber('110105491331002', { today })).toMatchObject({ ok: false, code: 'applicant.idNumber.birthDate' });
  });
});
