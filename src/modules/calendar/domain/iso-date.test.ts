import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  InvalidIsoDate,
  daysFromCivil,
  fromDayNumber,
  isIsoDate,
  isoWeekday,
  parseIsoDate,
  toDayNumber,
} from './iso-date.ts';

describe('ISO dates', () => {
  it.each([
    ['2019-01-01', true],
    ['2024-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400
    ['2023-12-31', true],
    ['2023-02-29', false],
    ['1900-02-29', false], // divisible by 100, not 400
    ['2023-02-30', false],
    ['2023-04-31', false],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-01-00', false],
    ['2023-1-01', false],
    ['2023-01-1', false],
    ['20230101', false],
    ['2023/01/01', false],
    [' 2023-01-01', false],
    ['2023-01-01 ', false],
    ['2023-01-01T00:00', false],
    ['0999-01-01', false],
    ['abcd-ef-gh', false],
    ['', false],
  ])('%j is a real date: %s', (input, expected) => {
    expect(isIsoDate(input)).toBe(expected);
  });

  it('rejects non-strings without throwing', () => {
    expect(isIsoDate(20230101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });

  it('throws a typed error with a Chinese message for an invalid date', () => {
    expect(() => parseIsoDate('2023-02-30')).toThrow(InvalidIsoDate);
    try {
      toDayNumber('2023-02-30');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidIsoDate);
      expect((error as InvalidIsoDate).code).toBe('calendar.invalidDate');
      expect((error as InvalidIsoDate).message).toContain('2023-02-30');
    }
  });

  it('counts days from 1970-01-01 as Date.UTC does', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2019-01-01')).toBe(Date.UTC(2019, 0, 1) / 86_400_000);
    expect(daysFromCivil(2024, 3, 1) - daysFromCivil(2024, 2, 28)).toBe(2);
  });

  it('knows the weekday (2023-10-07 was a Saturday, 2024-02-18 a Sunday, 2019-01-01 a Tuesday)', () => {
    expect(isoWeekday(toDayNumber('2023-10-07'))).toBe(6);
    expect(isoWeekday(toDayNumber('2024-02-18'))).toBe(7);
    expect(isoWeekday(toDayNumber('2019-01-01'))).toBe(2);
  });

  it('round-trips every day of 1900-2100 and agrees with Date', () => {
    const lo = toDayNumber('1900-01-01');
    const hi = toDayNumber('2100-12-31');
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), (n) => {
        const s = fromDayNumber(n);
        expect(toDayNumber(s)).toBe(n);
        expect(s).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        expect(isoWeekday(n)).toBe(new Date(n * 86_400_000).getUTCDay() || 7);
      }),
    );
  });
});
