/**
 * One year's holiday arrangement as published by the State Council (国务院办公厅关于YYYY年部分节假日安排的通知),
 * as data: the shape of data/calendar/YYYY.json. The zod schema is the one source of truth for the shape and
 * checks the meaning too (real dates, ranges in order, 调休 days that really are weekend days).
 */
import { z } from 'zod';
import { dayNumberOrNaN, isWeekend } from './iso-date.ts';

const isoDate = z.string().refine((s) => !Number.isNaN(dayNumberOrNaN(s)), {
  message: '不是有效日期（应为 YYYY-MM-DD 格式的真实日期）',
});

const noticeSchema = z.strictObject({
  /** e.g. 国务院办公厅关于2024年部分节假日安排的通知 */
  title: z.string().min(1, '通知标题不能为空'),
  /** e.g. 国办发明电〔2023〕7号 */
  number: z.string().min(1, '发文字号不能为空'),
  /** the date the notice was published, 'YYYY-MM-DD' */
  published: isoDate,
  /** what the notice did, when it changed an earlier one */
  note: z.string().optional(),
});

const holidaySchema = z.strictObject({
  /** festival name as printed, e.g. 春节, 中秋节、国庆节 */
  name: z.string().min(1, '节日名称不能为空'),
  from: isoDate,
  to: isoDate,
  /** the notice's own sentence for this holiday */
  text: z.string().optional(),
  /** the number of the notice this range comes from, when it is not the first one listed */
  notice: z.string().optional(),
  /** free remark, e.g. by an operator who corrected the file */
  note: z.string().optional(),
});

const makeUpWorkdaySchema = z.strictObject({
  /** a Saturday or Sunday that is a working day (调休上班) */
  date: isoDate,
  /** the holiday it makes up for */
  for: z.string().min(1, '调休对应的节日不能为空'),
  notice: z.string().optional(),
  note: z.string().optional(),
});

export const yearCalendarSchema = z
  .strictObject({
    year: z.number().int('年份应为整数').min(1949, '年份超出范围').max(9999, '年份超出范围'),
    notices: z.array(noticeSchema).min(1, '至少要写明一份国务院办公厅通知'),
    holidays: z.array(holidaySchema),
    makeUpWorkdays: z.array(makeUpWorkdaySchema),
  })
  .superRefine((cal, ctx) => {
    const numbers = new Set(cal.notices.map((n) => n.number));
    // A notice may reach back into the last days of the previous year (元旦 2023 began on 2022-12-31).
    const earliest = dayNumberOrNaN(`${cal.year - 1}-12-01`);
    const latest = dayNumberOrNaN(`${cal.year}-12-31`);
    const inYear = (day: number) => day >= earliest && day <= latest;
    const ranges: Array<{ from: number; to: number; index: number }> = [];

    cal.holidays.forEach((h, index) => {
      const from = dayNumberOrNaN(h.from);
      const to = dayNumberOrNaN(h.to);
      if (Number.isNaN(from) || Number.isNaN(to)) return; // already reported by the field check
      if (to < from) ctx.addIssue({ code: 'custom', path: ['holidays', index, 'to'], message: '结束日期早于开始日期' });
      if (!inYear(from)) ctx.addIssue({ code: 'custom', path: ['holidays', index, 'from'], message: `日期不在${cal.year}年的安排范围内` });
      if (!inYear(to)) ctx.addIssue({ code: 'custom', path: ['holidays', index, 'to'], message: `日期不在${cal.year}年的安排范围内` });
      if (h.notice !== undefined && !numbers.has(h.notice)) {
        ctx.addIssue({ code: 'custom', path: ['holidays', index, 'notice'], message: `发文字号“${h.notice}”不在 notices 中` });
      }
      for (const other of ranges) {
        if (from <= other.to && other.from <= to) {
          ctx.addIssue({ code: 'custom', path: ['holidays', index], message: `与 holidays[${other.index}] 的日期重叠` });
        }
      }
      ranges.push({ from, to, index });
    });

    const seen = new Set<number>();
    cal.makeUpWorkdays.forEach((w, index) => {
      const day = dayNumberOrNaN(w.date);
      if (Number.isNaN(day)) return;
      const path = ['makeUpWorkdays', index, 'date'];
      if (!isWeekend(day)) ctx.addIssue({ code: 'custom', path, message: '调休上班日应为周六或周日' });
      if (!inYear(day)) ctx.addIssue({ code: 'custom', path, message: `日期不在${cal.year}年的安排范围内` });
      if (seen.has(day)) ctx.addIssue({ code: 'custom', path, message: '调休上班日重复' });
      seen.add(day);
      if (ranges.some((r) => day >= r.from && day <= r.to)) {
        ctx.addIssue({ code: 'custom', path, message: '调休上班日落在放假日期内' });
      }
      if (w.notice !== undefined && !numbers.has(w.notice)) {
        ctx.addIssue({ code: 'custom', path: ['makeUpWorkdays', index, 'notice'], message: `发文字号“${w.notice}”不在 notices 中` });
      }
    });
  });

/** One year's arrangement: the notices, the public holidays (date ranges) and the 调休 make-up working days. */
export type YearCalendar = z.infer<typeof yearCalendarSchema>;
export type HolidayRange = YearCalendar['holidays'][number];
export type MakeUpWorkday = YearCalendar['makeUpWorkdays'][number];
export type HolidayNotice = YearCalendar['notices'][number];
