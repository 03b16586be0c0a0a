/**
 * The official working-day calendar: weekends off, the State Council's public holidays off, its 调休 weekend days
 * on. Deadlines of the Regulations are counted in these working days (Art. 26, 30, 32, 33, 34).
 *
 * Built once from the per-year data into flat arrays, so every query is O(1): a day's offset from the first
 * known day indexes `working`, a prefix count `countBefore` and the sorted list of working days.
 */
import { CalendarDataInvalid, CalendarYearUnknown, InvalidWorkingDayCount } from './calendar-errors.ts';
import { InvalidIsoDate, dayNumberOrNaN, daysFromCivil, fromDayNumber, isWeekend } from './iso-date.ts';
import type { IsoDate } from './iso-date.ts';
import type { YearCalendar } from './year-calendar.ts';

export { CalendarDataInvalid, CalendarError, CalendarYearUnknown, InvalidWorkingDayCount } from './calendar-errors.ts';
export { InvalidIsoDate } from './iso-date.ts';
export type { IsoDate } from './iso-date.ts';
export type { YearCalendar } from './year-calendar.ts';

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** Art. 30/33: counts from the day after `start`; returns the date of the n-th working day. */
  addWorkingDays(start: string, n: number): string;
  /** Working days in (from, to] — 0 when to <= from. */
  workingDaysBetween(from: string, to: string): number;
  /** First working day on or after the date. */
  nextWorkingDayOnOrAfter(date: string): string;
  readonly years: { from: number; to: number };
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday';

/** What a day is and why: for pages and the `gongkai calendar` command. */
export interface DayInfo {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly kind: DayKind;
  /** the festival (for a holiday or a 调休 working day) */
  readonly festival?: string;
}

export interface DetailedCalendar extends WorkingCalendar {
  describeDay(date: string): DayInfo;
}

/**
 * Builds the calendar from one arrangement per year. The years must be contiguous (no year may be missing between
 * the first and the last), so that "outside the known years" is the only way a date can be unknown.
 * Throws CalendarDataInvalid for an empty list, a duplicate or missing year, or a day that is both a holiday and a
 * 调休 working day.
 */
export function createCalendar(data: readonly YearCalendar[]): DetailedCalendar {
  const years = checkYears(data);
  const firstDay = daysFromCivil(years.from, 1, 1);
  const size = daysFromCivil(years.to, 12, 31) - firstDay + 1;

  const working = new Uint8Array(size);
  const festival: Array<string | undefined> = new Array<string | undefined>(size);
  const kinds: DayKind[] = new Array<DayKind>(size);
  for (let i = 0; i < size; i++) {
    const weekend = isWeekend(firstDay + i);
    working[i] = weekend ? 0 : 1;
    kinds[i] = weekend ? 'weekend' : 'workday';
  }
  for (const year of data) {
    for (const h of year.holidays) {
      const from = dayOrThrow(h.from) - firstDay;
      const to = dayOrThrow(h.to) - firstDay;
      for (let i = Math.max(from, 0); i <= Math.min(to, size - 1); i++) {
        working[i] = 0;
        kinds[i] = 'holiday';
        festival[i] = h.name;
      }
    }
  }
  for (const year of data) {
    for (const w of year.makeUpWorkdays) {
      const i = dayOrThrow(w.date) - firstDay;
      if (i < 0 || i >= size) continue; // e.g. 2018-12-29 from the 2019 notice, before the first known year
      if (kinds[i] === 'holiday') {
        throw new CalendarDataInvalid(`${w.date} 在 ${year.year} 年数据中是调休上班日，但另一份数据把它列为放假日`);
      }
      working[i] = 1;
      kinds[i] = 'makeUpWorkday';
      festival[i] = w.for;
    }
  }

  // countBefore[i] = working days among offsets [0, i).
  const countBefore = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) countBefore[i + 1] = countBefore[i]! + working[i]!;
  const total = countBefore[size]!;
  const workdays = new Int32Array(total);
  for (let i = 0, k = 0; i < size; i++) if (working[i] === 1) workdays[k++] = i;
  const dates: IsoDate[] = new Array<IsoDate>(size);
  for (let i = 0; i < size; i++) dates[i] = fromDayNumber(firstDay + i);

  const frozenYears = Object.freeze({ ...years });
  const offsetOf = (date: string): number => {
    const day = dayNumberOrNaN(date);
    if (Number.isNaN(day)) throw new InvalidIsoDate(date);
    const offset = day - firstDay;
    if (offset < 0 || offset >= size) throw new CalendarYearUnknown(Number(date.slice(0, 4)), frozenYears);
    return offset;
  };
  const beyondLastYear = () => new CalendarYearUnknown(years.to + 1, frozenYears);

  return {
    years: frozenYears,
    isWorkingDay(date) {
      return working[offsetOf(date)] === 1;
    },
    addWorkingDays(start, n) {
      const offset = offsetOf(start);
      if (!Number.isInteger(n) || n < 0) throw new InvalidWorkingDayCount(n);
      if (n === 0) return dates[offset]!;
      // working days up to and including `start`, plus n: the answer is the k-th working day (1-based).
      const k = countBefore[offset + 1]! + n;
      if (k > total) throw beyondLastYear();
      return dates[workdays[k - 1]!]!;
    },
    workingDaysBetween(from, to) {
      const a = offsetOf(from);
      const b = offsetOf(to);
      return b <= a ? 0 : countBefore[b + 1]! - countBefore[a + 1]!;
    },
    nextWorkingDayOnOrAfter(date) {
      const offset = offsetOf(date);
      const k = countBefore[offset]!; // working days strictly before: index of the next one
      if (k >= total) throw beyondLastYear();
      return dates[workdays[k]!]!;
    },
    describeDay(date) {
      const offset = offsetOf(date);
      const name = festival[offset];
      return {
        date: dates[offset]!,
        working: working[offset] === 1,
        kind: kinds[offset]!,
        ...(name === undefined ? {} : { festival: name }),
      };
    },
  };
}

function dayOrThrow(date: string): number {
  const day = dayNumberOrNaN(date);
  if (Number.isNaN(day)) throw new InvalidIsoDate(date);
  return day;
}

function checkYears(data: readonly YearCalendar[]): { from: number; to: number } {
  if (data.length === 0) throw new CalendarDataInvalid('没有任何年份的节假日安排数据');
  const sorted = data.map((d) => d.year).sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const year = sorted[i]!;
    if (year === prev) throw new CalendarDataInvalid(`${year}年的节假日安排数据重复`);
    if (year !== prev + 1) throw new CalendarDataInvalid(`缺少${prev + 1}年的节假日安排数据（各年份须连续）`);
  }
  return { from: sorted[0]!, to: sorted[sorted.length - 1]! };
}
