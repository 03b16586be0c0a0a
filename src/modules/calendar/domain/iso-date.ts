/**
 * Calendar dates as ISO 'YYYY-MM-DD' strings, with fast integer day numbers for arithmetic.
 * Parsing is by char codes (no regex, no Date) because deadline arithmetic runs millions of times in benchmarks.
 */
import { CalendarError } from './calendar-errors.ts';

/** A real calendar date written 'YYYY-MM-DD' (checked: 2023-02-30 is not one). */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** A date string that is not a real 'YYYY-MM-DD' date. */
export class InvalidIsoDate extends CalendarError {
  readonly input: string;
  constructor(input: unknown) {
    const shown = typeof input === 'string' ? input : String(input);
    super('calendar.invalidDate', `日期“${shown}”无效：应为 YYYY-MM-DD 格式的真实日期`);
    this.input = shown;
  }
}

const ZERO = 48;

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a 'YYYY-MM-DD' string, or NaN when the string is not a real date.
 * Years 1000-9999 only (four digits, no sign). NaN instead of a throw keeps the hot path allocation-free.
 */
export function dayNumberOrNaN(s: string): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y0 = digit(s, 0), y1 = digit(s, 1), y2 = digit(s, 2), y3 = digit(s, 3);
  const m0 = digit(s, 5), m1 = digit(s, 6), d0 = digit(s, 8), d1 = digit(s, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 || y0 === 0) return NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day);
}

/** True when `s` is a real date written 'YYYY-MM-DD'. */
export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && !Number.isNaN(dayNumberOrNaN(s));
}

/** Checks and brands a date string; throws InvalidIsoDate otherwise. */
export function parseIsoDate(s: string): IsoDate {
  if (!isIsoDate(s)) throw new InvalidIsoDate(s);
  return s;
}

/** Days since 1970-01-01; throws InvalidIsoDate for anything that is not a real date. */
export function toDayNumber(s: string): number {
  const n = dayNumberOrNaN(s);
  if (Number.isNaN(n)) throw new InvalidIsoDate(s);
  return n;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact proleptic Gregorian arithmetic on integers.
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 'YYYY-MM-DD' of a day number. */
export function fromDayNumber(n: number): IsoDate {
  const { year, month, day } = civilFromDays(n);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as IsoDate;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(dayNumber: number): boolean {
  return isoWeekday(dayNumber) >= 6;
}

/** The year of a 'YYYY-MM-DD' string already known to be valid. */
export function yearOf(s: IsoDate | string): number {
  return Number(s.slice(0, 4));
}
