/**
 * Reads the holiday data (data/calendar/YYYY.json, one file per State Council notice year) and builds the
 * working calendar. A new year is a new file, no code change; an operator may keep their own files in another
 * folder (`extraDir`), whose years replace the shipped ones.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zhCN } from 'zod/locales';
import { createCalendar } from './domain/calendar.ts';
import type { DetailedCalendar } from './domain/calendar.ts';
import { CalendarDataInvalid } from './domain/calendar-errors.ts';
import { yearCalendarSchema } from './domain/year-calendar.ts';
import type { YearCalendar } from './domain/year-calendar.ts';

/** The folder of holiday data shipped with the package. */
export const SHIPPED_CALENDAR_DIR = fileURLToPath(new URL('../../../data/calendar/', import.meta.url));

const YEAR_FILE = /^(\d{4})\.json$/;
const zodChinese = zhCN().localeError;

/** Parses one year file's text. Throws CalendarDataInvalid naming the file and the field. */
export function parseYearCalendarFile(file: string, text: string): YearCalendar {
  const name = basename(file);
  const match = YEAR_FILE.exec(name);
  if (!match) {
    throw new CalendarDataInvalid(`${file}：文件名应为“年份.json”，例如 2027.json`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CalendarDataInvalid(`${file}：不是有效的 JSON（${(error as Error).message}）`, { file });
  }
  const result = yearCalendarSchema.safeParse(json, { error: zodChinese });
  if (!result.success) {
    const issues = result.error.issues;
    const first = issues[0];
    const field = first ? formatPath(first.path) : '';
    const lines = issues.slice(0, 5).map((i) => `${formatPath(i.path) || '（整个文件）'}：${i.message}`);
    const more = issues.length > 5 ? `；另有 ${issues.length - 5} 处问题` : '';
    throw new CalendarDataInvalid(`${file}：节假日数据格式有误：${lines.join('；')}${more}`, { file, field });
  }
  if (String(result.data.year) !== match[1]) {
    throw new CalendarDataInvalid(`${file}：year 字段为 ${result.data.year}，与文件名年份 ${match[1]} 不一致`, {
      file,
      field: 'year',
    });
  }
  return result.data;
}

/** Reads every YYYY.json of a folder. Other files (a README) are ignored; a misnamed .json file is an error. */
export function readCalendarDir(dir: string): YearCalendar[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CalendarDataInvalid(`找不到节假日数据文件夹：${dir}`, { file: dir });
  }
  return readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      return parseYearCalendarFile(file, readFileSync(file, 'utf8'));
    });
}

/** The shipped years, with the years of `extraDir` (if given) replacing or extending them. */
export function loadCalendarData(extraDir?: string): YearCalendar[] {
  const byYear = new Map<number, YearCalendar>();
  for (const year of readCalendarDir(SHIPPED_CALENDAR_DIR)) byYear.set(year.year, year);
  if (extraDir !== undefined) for (const year of readCalendarDir(extraDir)) byYear.set(year.year, year);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Builds the working calendar from data/calendar (and `extraDir`). Throws CalendarDataInvalid on bad data. */
export function loadCalendar(extraDir?: string): DetailedCalendar {
  return createCalendar(loadCalendarData(extraDir));
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
}
