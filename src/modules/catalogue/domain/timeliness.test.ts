import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import { timeliness } from './timeliness.ts';

const calendar = loadCalendar();

describe('Art. 26 timeliness', () => {
  it('counts 20 working days from the 成文日期 across the National Day holiday', () => {
    // 2024-09-27 (Fri) + 20 working days: 9-29 and 10-12 are make-up workdays, 10-1..7 the holiday
    expect(timeliness('2024-09-27', null, '2024-10-08', calendar)).toEqual({ known: true, deadline: '2024-10-30', late: false });
    expect(timeliness('2024-09-27', '2024-10-31', '2024-11-01', calendar)).toEqual({ known: true, deadline: '2024-10-30', late: true });
  });

  it('says why it cannot be computed when the holiday data does not cover the days, instead of throwing', () => {
    const before = timeliness('2015-06-01', null, '2024-10-08', calendar);
    expect(before).toEqual({ known: false, reason: expect.stringContaining('2015年') });
    const last = calendar.years.to;
    const after = timeliness(`${last}-12-20`, null, `${last}-12-21`, calendar);
    expect(after).toEqual({ known: false, reason: expect.stringContaining(`${last + 1}年`) });
  });
});
