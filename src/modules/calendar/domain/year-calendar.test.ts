import { describe, it, expect } from 'vitest';
import { yearCalendarSchema } from './year-calendar.ts';

const valid = {
  year: 2024,
  notices: [{ title: '国务院办公厅关于2024年部分节假日安排的通知', number: '国办发明电〔2023〕7号', published: '2023-10-25' }],
  holidays: [
    { name: '元旦', from: '2024-01-01', to: '2024-01-01' },
    { name: '春节', from: '2024-02-10', to: '2024-02-17' },
  ],
  makeUpWorkdays: [
    { date: '2024-02-04', for: '春节' },
    { date: '2024-02-18', for: '春节' },
  ],
};

type Mutable = Record<string, unknown> & typeof valid;
function variant(change: (data: Mutable) => void): unknown {
  const data = structuredClone(valid) as Mutable;
  change(data);
  return data;
}

function issuesOf(data: unknown): Array<{ path: string; message: string }> {
  const result = yearCalendarSchema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('the year calendar schema', () => {
  it('accepts a well-formed year', () => {
    expect(issuesOf(valid)).toEqual([]);
  });

  it('accepts a 元旦 that begins in the last days of the previous year (2023 notice: from 2022-12-31)', () => {
    expect(issuesOf(variant((d) => (d.holidays[0]!.from = '2023-12-30')))).toEqual([]);
  });

  it.each([
    ['an impossible date', (d: Mutable) => (d.holidays[1]!.to = '2024-02-30'), 'holidays.1.to', '有效日期'],
    ['a range that ends before it starts', (d: Mutable) => (d.holidays[1]!.to = '2024-02-09'), 'holidays.1.to', '早于'],
    ['a range outside the year', (d: Mutable) => (d.holidays[1]!.to = '2025-01-02'), 'holidays.1.to', '不在2024年'],
    ['overlapping ranges', (d: Mutable) => (d.holidays[1]!.from = '2024-01-01'), 'holidays.1', '重叠'],
    ['a 调休 day on a weekday', (d: Mutable) => (d.makeUpWorkdays[0]!.date = '2024-02-05'), 'makeUpWorkdays.0.date', '周六或周日'],
    ['a 调休 day inside a holiday', (d: Mutable) => (d.makeUpWorkdays[0]!.date = '2024-02-11'), 'makeUpWorkdays.0.date', '放假日期内'],
    ['a 调休 day listed twice', (d: Mutable) => (d.makeUpWorkdays[1]!.date = '2024-02-04'), 'makeUpWorkdays.1.date', '重复'],
    ['no notice', (d: Mutable) => (d.notices = []), 'notices', '通知'],
    ['a reference to an unlisted notice', (d: Mutable) => Object.assign(d.holidays[0]!, { notice: '国办发明电〔2099〕1号' }), 'holidays.0.notice', '不在 notices'],
    ['a missing year', (d: Mutable) => delete (d as Partial<Mutable>).year, 'year', ''],
    ['a year as text', (d: Mutable) => ((d as Record<string, unknown>).year = '2024'), 'year', ''],
    ['a misspelt field', (d: Mutable) => Object.assign(d.holidays[0]!, { form: '2024-01-01' }), 'holidays.0', ''],
    ['an empty festival name', (d: Mutable) => (d.holidays[0]!.name = ''), 'holidays.0.name', '节日名称'],
  ])('rejects %s, naming the field', (_what, change, path, message) => {
    const issues = issuesOf(variant(change));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.find((i) => i.path === path)!.message).toContain(message);
  });
});
