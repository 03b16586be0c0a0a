import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import {
  CalendarDataInvalid,
  CalendarYearUnknown,
  InvalidIsoDate,
  InvalidWorkingDayCount,
  createCalendar,
} from './calendar.ts';
import type { DetailedCalendar, YearCalendar } from './calendar.ts';
import { fromDayNumber, toDayNumber } from './iso-date.ts';
import { loadCalendarData } from '../load-calendar.ts';

/** A year with no holidays at all: weekends only, but as explicit data (never a silent guess). */
function plainYear(year: number, extra: Partial<YearCalendar> = {}): YearCalendar {
  return {
    year,
    notices: [{ title: `测试用${year}年安排`, number: `测试〔${year - 1}〕1号`, published: `${year - 1}-11-01` }],
    holidays: [],
    makeUpWorkdays: [],
    ...extra,
  };
}

let cal: DetailedCalendar;
beforeAll(() => {
  cal = createCalendar(loadCalendarData());
});

describe('the shipped calendar', () => {
  it('covers 2019 through 2026 (the last year the State Council has announced)', () => {
    expect(cal.years).toEqual({ from: 2019, to: 2026 });
  });

  it.each([
    ['2023-09-29', false, '中秋节、国庆节 (Friday, holiday)'],
    ['2023-10-07', true, 'Saturday, 调休 working day'],
    ['2023-10-08', true, 'Sunday, 调休 working day'],
    ['2023-10-14', false, 'an ordinary Saturday'],
    ['2024-02-09', true, '除夕 2024: the notice only encourages leave, it stays a working day'],
    ['2024-02-18', true, 'Sunday, 调休 working day after 春节'],
    ['2020-01-19', true, 'Sunday, 调休 working day before 春节 2020'],
    ['2020-02-01', false, 'Saturday: the 调休 working day was cancelled by the extension (国办发明电〔2020〕1号)'],
    ['2020-01-31', false, 'Friday in the extended 春节 2020'],
    ['2020-02-03', true, 'Monday, work resumed after the extension'],
    ['2019-05-03', false, '劳动节 2019 as changed by 国办发明电〔2019〕3号'],
    ['2019-05-05', true, 'Sunday, 调休 working day added by 国办发明电〔2019〕3号'],
    ['2022-12-31', false, 'Saturday, 元旦 2023 (from the 2023 notice)'],
    ['2026-01-04', true, 'Sunday, 调休 working day after 元旦 2026'],
    ['2026-02-23', false, 'Monday, last day of the nine-day 春节 2026'],
    ['2026-12-31', true, 'an ordinary Thursday'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });

  // Art. 30 (7 working days to ask for a supplement), Art. 32 (15 for a third party), Art. 33 (20 to reply, 20 more
  // on extension). Counting starts the day after receipt; hand counts in the comments.
  it.each([
    // 9-29..10-6 off; 10-7 Sat(1) 10-8 Sun(2) 10-9..13(3-7) 10-16..20(8-12) 10-23..27(13-17) 10-30(18) 10-31(19) 11-1(20)
    ['2023-09-28', 20, '2023-11-01'],
    // 10-7(1) 10-8(2) 10-9..13(3-7)
    ['2023-09-28', 7, '2023-10-13'],
    // 10-1..7 off; 10-8..11(1-4) 10-12 Sat(5) 10-14..18(6-10) 10-21..25(11-15) 10-28..11-1(16-20)
    ['2024-09-30', 20, '2024-11-01'],
    // received on a holiday: counting starts after it, the same working days follow as from 9-30
    ['2024-10-03', 20, '2024-11-01'],
    // 2-9(1) 2-10..17 off 2-18 Sun(2) 2-19..23(3-7) 2-26..3-1(8-12) 3-4..8(13-17) 3-11(18) 3-12(19) 3-13(20)
    ['2024-02-08', 20, '2024-03-13'],
    // 1-21..27 off; 1-28 Sat(1) 1-29 Sun(2) 1-30..2-3(3-7) 2-6..10(8-12) 2-13..17(13-17) 2-20(18) 2-21(19) 2-22(20)
    ['2023-01-20', 20, '2023-02-22'],
    // 1-24..2-2 off (extended; 2-1 no longer worked); 2-3..7(1-5) 2-10(6) 2-11(7)
    ['2020-01-23', 7, '2020-02-11'],
    // 9-27 Sat off; 9-28 Sun(1) 9-29(2) 9-30(3) 10-1..8 off 10-9(4) 10-10(5) 10-11 Sat(6) 10-13..17(7-11)
    // 10-20..24(12-16) 10-27(17) 10-28(18) 10-29(19) 10-30(20)
    ['2025-09-26', 20, '2025-10-30'],
    // 4-27 Sat off; 4-28 Sun(1) 4-29(2) 4-30(3) 5-1..4 off 5-5 Sun(4) 5-6..10(5-9) 5-13..17(10-14) 5-20(15)
    ['2019-04-26', 15, '2019-05-20'],
    // across the year end: 12-26(1) 12-29..31(2-4) 1-1..3 off 1-4 Sun(5) 1-5..9(6-10) 1-12..16(11-15) 1-19..23(16-20)
    ['2025-12-25', 20, '2026-01-23'],
    // 2-14 Sat(1) 2-15..23 off 2-24..27(2-5) 2-28 Sat(6) 3-2(7)
    ['2026-02-13', 7, '2026-03-02'],
    // received on a 调休 Saturday: the next day is a 调休 Sunday
    ['2023-10-07', 1, '2023-10-08'],
    // n = 0 adds nothing
    ['2023-10-01', 0, '2023-10-01'],
  ])('received %s, %i working days → %s', (start, n, expected) => {
    expect(cal.addWorkingDays(start, n)).toBe(expected);
  });

  it('Art. 33: an extension of 20 more working days runs on from the first 20 (2023-09-28 → 2023-11-29)', () => {
    // after 11-1(20): 11-2(21) 11-3(22) 11-6..10(23-27) 11-13..17(28-32) 11-20..24(33-37) 11-27(38) 11-28(39) 11-29(40)
    expect(cal.addWorkingDays(cal.addWorkingDays('2023-09-28', 20), 20)).toBe('2023-11-29');
    expect(cal.addWorkingDays('2023-09-28', 40)).toBe('2023-11-29');
  });

  it.each([
    ['2023-09-28', '2023-11-01', 20],
    ['2024-02-09', '2024-02-18', 1], // only 2-18 (the start day is not counted)
    ['2024-02-08', '2024-02-18', 2], // 2-9 and 2-18
    ['2023-09-29', '2023-10-06', 0], // all holiday
    ['2023-10-01', '2023-10-01', 0],
    ['2023-11-01', '2023-09-28', 0], // to before from
    ['2025-12-31', '2026-01-05', 2], // 1-4 Sun and 1-5
  ])('working days in (%s, %s] = %i', (from, to, expected) => {
    expect(cal.workingDaysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['2023-09-29', '2023-10-07'],
    ['2023-10-07', '2023-10-07'],
    ['2024-02-10', '2024-02-18'],
    ['2019-01-01', '2019-01-02'],
    ['2020-01-24', '2020-02-03'],
    ['2026-12-26', '2026-12-28'],
  ])('first working day on or after %s is %s', (date, expected) => {
    expect(cal.nextWorkingDayOnOrAfter(date)).toBe(expected);
  });

  it('describes a day with its festival', () => {
    expect(cal.describeDay('2024-02-18')).toEqual({ date: '2024-02-18', working: true, kind: 'makeUpWorkday', festival: '春节' });
    expect(cal.describeDay('2024-10-03')).toEqual({ date: '2024-10-03', working: false, kind: 'holiday', festival: '国庆节' });
    expect(cal.describeDay('2024-10-19')).toEqual({ date: '2024-10-19', working: false, kind: 'weekend' });
    expect(cal.describeDay('2024-10-21')).toEqual({ date: '2024-10-21', working: true, kind: 'workday' });
  });

  it('addWorkingDays and workingDaysBetween agree for any start and count (property)', () => {
    const lo = toDayNumber('2019-01-01');
    const hi = toDayNumber('2026-06-30');
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), fc.integer({ min: 1, max: 60 }), (day, n) => {
        const start = fromDayNumber(day);
        const end = cal.addWorkingDays(start, n);
        expect(cal.isWorkingDay(end)).toBe(true);
        expect(cal.workingDaysBetween(start, end)).toBe(n);
        expect(cal.workingDaysBetween(start, fromDayNumber(toDayNumber(end) - 1))).toBe(n - 1);
        expect(cal.nextWorkingDayOnOrAfter(fromDayNumber(day + 1))).toBe(cal.addWorkingDays(start, 1));
      }),
    );
  });
});

describe('dates the calendar cannot answer', () => {
  it.each([
    ['2018-12-29', 2018], // named by the 2019 notice as a 调休 day, but 2018 itself is not loaded
    ['2027-01-04', 2027],
    ['1999-10-01', 1999],
  ])('%s is an explicit error naming the year %i, never a weekend-only guess', (date, year) => {
    for (const call of [
      () => cal.isWorkingDay(date),
      () => cal.addWorkingDays(date, 1),
      () => cal.nextWorkingDayOnOrAfter(date),
      () => cal.workingDaysBetween('2024-01-01', date),
    ]) {
      try {
        call();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CalendarYearUnknown);
        expect((error as CalendarYearUnknown).code).toBe('calendar.yearUnknown');
        expect((error as CalendarYearUnknown).year).toBe(year);
        expect((error as CalendarYearUnknown).message).toContain(`${year}年`);
      }
    }
  });

  it('a deadline that runs past the last known year is an error for the next year', () => {
    // 2026-12-31 is the last known day; 20 working days from 12-25 end in January 2027.
    expect(() => cal.addWorkingDays('2026-12-25', 20)).toThrow(CalendarYearUnknown);
    expect(() => cal.addWorkingDays('2026-12-25', 20)).toThrow(/2027年/);
    expect(cal.addWorkingDays('2026-12-25', 4)).toBe('2026-12-31');
  });

  it.each(['2023-02-30', '2023-2-3', '', '2023-13-01', '2023-02-29'])('rejects the invalid date %j', (date) => {
    expect(() => cal.isWorkingDay(date)).toThrow(InvalidIsoDate);
    expect(() => cal.addWorkingDays(date, 3)).toThrow(InvalidIsoDate);
    expect(() => cal.workingDaysBetween(date, '2024-01-01')).toThrow(InvalidIsoDate);
    expect(() => cal.nextWorkingDayOnOrAfter(date)).toThrow(InvalidIsoDate);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the working-day count %s', (n) => {
    expect(() => cal.addWorkingDays('2024-01-02', n)).toThrow(InvalidWorkingDayCount);
  });
});

describe('createCalendar on its own data', () => {
  it('needs at least one year', () => {
    expect(() => createCalendar([])).toThrow(CalendarDataInvalid);
  });

  it('refuses a gap between years, naming the missing year', () => {
    expect(() => createCalendar([plainYear(2030), plainYear(2032)])).toThrow(/缺少2031年/);
  });

  it('refuses a year given twice', () => {
    expect(() => createCalendar([plainYear(2030), plainYear(2030)])).toThrow(/2030年.*重复/);
  });

  it('refuses a day that one year calls a holiday and another a 调休 working day', () => {
    const a = plainYear(2030, { holidays: [{ name: '元旦', from: '2030-12-28', to: '2030-12-31' }] });
    const b = plainYear(2031, { makeUpWorkdays: [{ date: '2030-12-28', for: '元旦' }] });
    expect(() => createCalendar([a, b])).toThrow(CalendarDataInvalid);
  });

  it('applies a later year file’s 调休 day to the earlier year (as the 2019 notice did for 2018-12-29)', () => {
    // 2030-12-28 is a Saturday.
    expect(createCalendar([plainYear(2030), plainYear(2031)]).isWorkingDay('2030-12-28')).toBe(false);
    const b = plainYear(2031, { makeUpWorkdays: [{ date: '2030-12-28', for: '元旦' }] });
    const c = createCalendar([plainYear(2030), b]);
    expect(c.isWorkingDay('2030-12-28')).toBe(true);
    expect(c.years).toEqual({ from: 2030, to: 2031 });
  });

  it('finds no next working day past the last known year', () => {
    // 2033-12-31 is a Saturday: the next working day is in 2034, which is unknown.
    const c = createCalendar([plainYear(2033)]);
    expect(() => c.nextWorkingDayOnOrAfter('2033-12-31')).toThrow(CalendarYearUnknown);
    expect(c.nextWorkingDayOnOrAfter('2033-12-30')).toBe('2033-12-30');
  });
});
