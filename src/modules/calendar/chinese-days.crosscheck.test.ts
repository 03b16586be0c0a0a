/**
 * Cross-check of every day from 2019-01-01 to the last shipped year against the `chinese-days` package, an
 * independent transcription of the same State Council notices. Any disagreement must be listed here and explained
 * in docs/calendar.md; an unlisted one fails the test.
 */
import { describe, it, expect } from 'vitest';
import chineseDays from 'chinese-days';
import { loadCalendar } from './load-calendar.ts';
import { fromDayNumber, toDayNumber } from './domain/iso-date.ts';

/** Days whose working/non-working status differs from chinese-days. None known: see docs/calendar.md. */
const KNOWN_WORKING_DAY_DISAGREEMENTS: ReadonlyArray<{ date: string; why: string }> = [];

/**
 * Days chinese-days lists as holidays but we keep as plain weekend days: the 2019 notice says "X月X日放假，与周末连休"
 * and names only the weekday; chinese-days also lists the adjoining weekend. Working status is the same (off).
 */
const KNOWN_HOLIDAY_LIST_DISAGREEMENTS: readonly string[] = [
  '2019-04-06', '2019-04-07', // 清明节：4月5日放假，与周末连休
  '2019-06-08', '2019-06-09', // 端午节：6月7日放假，与周末连休
  '2019-09-14', '2019-09-15', // 中秋节：9月13日放假，与周末连休
];

const cal = loadCalendar();
const days = (() => {
  const out: string[] = [];
  for (let d = toDayNumber(`${cal.years.from}-01-01`); d <= toDayNumber(`${cal.years.to}-12-31`); d++) out.push(fromDayNumber(d));
  return out;
})();

describe('cross-check against chinese-days', () => {
  it('the package holds data for every year we ship', () => {
    // chinese-days falls back to weekends for a year it does not know; its holiday list must cover ours.
    const data = chineseDays.getHolidaysInRange(`${cal.years.to}-01-01`, `${cal.years.to}-12-31`, false);
    expect(data.length).toBeGreaterThan(0);
  });

  it(`agrees on working days for all ${days.length} days, except the listed ones`, () => {
    const disagreements = days.filter((d) => chineseDays.isWorkday(d) !== cal.isWorkingDay(d));
    expect(disagreements).toEqual(KNOWN_WORKING_DAY_DISAGREEMENTS.map((k) => k.date));
  });

  it('agrees on which days are public holidays and which are 调休 working days, except the listed ones', () => {
    const holidayDiffs = days.filter((d) => {
      const ours = cal.describeDay(d).kind === 'holiday';
      const theirs = chineseDays.isHoliday(d) && !isPlainWeekendFor(d);
      return ours !== theirs;
    });
    expect(holidayDiffs).toEqual(KNOWN_HOLIDAY_LIST_DISAGREEMENTS);
    const makeUpDiffs = days.filter(
      (d) => (cal.describeDay(d).kind === 'makeUpWorkday') !== (chineseDays.getDayDetail(d).work && isWeekendDay(d)),
    );
    expect(makeUpDiffs).toEqual([]);
  });
});

function isWeekendDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** A weekend day that chinese-days reports as an ordinary weekend (its detail name is the weekday, not a festival). */
function isPlainWeekendFor(date: string): boolean {
  return isWeekendDay(date) && !chineseDays.getDayDetail(date).name.includes(',');
}
