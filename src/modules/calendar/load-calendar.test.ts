import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CalendarDataInvalid } from './domain/calendar-errors.ts';
import { loadCalendar, loadCalendarData, parseYearCalendarFile, readCalendarDir, SHIPPED_CALENDAR_DIR } from './load-calendar.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-calendar-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function yearFile(year: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    year,
    notices: [{ title: `国务院办公厅关于${year}年部分节假日安排的通知`, number: `国办发明电〔${year - 1}〕9号`, published: `${year - 1}-11-01` }],
    holidays: [{ name: '元旦', from: `${year}-01-01`, to: `${year}-01-01` }],
    makeUpWorkdays: [],
    ...extra,
  });
}

function caught(fn: () => unknown): CalendarDataInvalid {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarDataInvalid);
    return error as CalendarDataInvalid;
  }
  throw new Error('expected CalendarDataInvalid');
}

describe('the shipped holiday files', () => {
  it('are one file per year from 2019, each naming its State Council notice and number', () => {
    const names = readdirSync(SHIPPED_CALENDAR_DIR).filter((n) => n.endsWith('.json')).sort();
    expect(names[0]).toBe('2019.json');
    for (const year of readCalendarDir(SHIPPED_CALENDAR_DIR)) {
      expect(year.notices[0]!.title).toBe(`国务院办公厅关于${year.year}年部分节假日安排的通知`);
      expect(year.notices[0]!.number).toMatch(/^国办发明电〔\d{4}〕\d+号$/);
      expect(year.holidays.length).toBeGreaterThanOrEqual(6);
    }
  });

  it('load into a calendar from 2019 on', () => {
    expect(loadCalendar().years.from).toBe(2019);
  });
});

describe('an operator’s own folder', () => {
  it('adds a new year without a code change', () => {
    writeFileSync(join(dir, '2027.json'), yearFile(2027));
    const cal = loadCalendar(dir);
    expect(cal.years).toEqual({ from: 2019, to: 2027 });
    expect(cal.isWorkingDay('2027-01-01')).toBe(false); // Friday, 元旦
    expect(cal.isWorkingDay('2027-01-04')).toBe(true);
  });

  it('replaces a shipped year', () => {
    // pretend a correction made 2024-10-08 (Tuesday) a holiday too
    const shipped = loadCalendarData().find((y) => y.year === 2024)!;
    const corrected = { ...shipped, holidays: [...shipped.holidays, { name: '测试', from: '2024-10-08', to: '2024-10-08' }] };
    writeFileSync(join(dir, '2024.json'), JSON.stringify(corrected));
    expect(loadCalendar().isWorkingDay('2024-10-08')).toBe(true);
    expect(loadCalendar(dir).isWorkingDay('2024-10-08')).toBe(false);
  });

  it('ignores files that are not JSON', () => {
    writeFileSync(join(dir, 'README.md'), '# notes');
    expect(readCalendarDir(dir)).toEqual([]);
  });

  it('is an error when the folder does not exist', () => {
    const error = caught(() => loadCalendar(join(dir, 'missing')));
    expect(error.message).toContain('找不到节假日数据文件夹');
  });

  it('is an error when a year is skipped', () => {
    writeFileSync(join(dir, '2028.json'), yearFile(2028));
    expect(caught(() => loadCalendar(dir)).message).toContain('缺少2027年');
  });
});

describe('a malformed file is a clear error naming the file and the field', () => {
  it.each([
    ['not JSON', '2027.json', '{ "year": 2027, ', null, '不是有效的 JSON'],
    ['a bad date', '2027.json', yearFile(2027, { holidays: [{ name: '元旦', from: '2027-02-30', to: '2027-02-30' }] }), 'holidays[0].from', '有效日期'],
    ['a weekday as 调休', '2027.json', yearFile(2027, { makeUpWorkdays: [{ date: '2027-01-05', for: '元旦' }] }), 'makeUpWorkdays[0].date', '周六或周日'],
    ['a missing field', '2027.json', JSON.stringify({ year: 2027, notices: [] }), 'notices', '通知'],
    ['a wrong type', '2027.json', yearFile(2027, { holidays: 'none' }), 'holidays', '无效输入'],
    ['a year that is not the file name', '2027.json', yearFile(2028), 'year', '不一致'],
    ['a file not named by its year', 'holidays-2027.json', yearFile(2027), null, '文件名'],
  ])('%s', (_what, name, text, field, message) => {
    writeFileSync(join(dir, name), text);
    const error = caught(() => loadCalendar(dir));
    expect(error.code).toBe('calendar.dataInvalid');
    expect(error.file).toBe(join(dir, name));
    expect(error.message).toContain(name);
    expect(error.message).toContain(message);
    if (field !== null) {
      expect(error.field).toBe(field);
      expect(error.message).toContain(field);
    }
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(parseYearCalendarFile('2027.json', `\uFEFF${yearFile(2027)}`).year).toBe(2027);
  });
});
