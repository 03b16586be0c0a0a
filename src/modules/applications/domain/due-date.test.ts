/**
 * Due dates on the real working-day calendar (data/calendar), computed by hand in the comments.
 *
 * 2023 National Day: 09-29 (Fri) to 10-06 (Fri) off; 10-07 (Sat) and 10-08 (Sun) are make-up working days
 * (国办发明电〔2022〕16号). 2024 Spring Festival: 02-10 to 02-17 off; 02-04 (Sun) and 02-18 (Sun) worked
 * (国办发明电〔2023〕7号). Working days count from the day after the start day.
 */
import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import { applyEvent } from './apply-event.ts';
import { dueDate, dueSoon, isOverdue, replyClock } from './due-date.ts';
import type { ApplicationEvent } from './events.ts';
import { openApplication } from './state.ts';
import type { ApplicationState } from './state.ts';

const calendar = loadCalendar();
const TODAY = '2026-06-30';

function received(on: string): ApplicationState {
  const opened = openApplication({ applicantType: 'naturalPerson', facts: { channel: 'inPerson', handedInOn: on } }, TODAY);
  if (!opened.ok) throw opened.error;
  return opened.value;
}

function run(state: ApplicationState, events: ApplicationEvent[]): ApplicationState {
  return events.reduce((s, e) => {
    const next = applyEvent(s, e, calendar, TODAY);
    if (!next.ok) throw next.error;
    return next.value;
  }, state);
}

describe('Art. 33: 20 working days from receipt', () => {
  it('received 2023-09-28, just before the National Day week: due 2023-11-01', () => {
    // 10-07(1) 10-08(2) 10-09..13(3-7) 10-16..20(8-12) 10-23..27(13-17) 10-30(18) 10-31(19) 11-01(20)
    expect(dueDate(received('2023-09-28'), calendar)).toBe('2023-11-01');
  });

  it('received 2024-01-25, across the Spring Festival with its two make-up Sundays: due 2024-02-27', () => {
    // 01-26(1) 01-29..02-02(2-6) 02-04 Sun(7) 02-05..09(8-12) [02-10..17 off] 02-18 Sun(13) 02-19..23(14-18)
    // 02-26(19) 02-27(20)
    expect(dueDate(received('2024-01-25'), calendar)).toBe('2024-02-27');
  });

  it('received on a Saturday inside the holiday (2023-09-30): counting still starts the day after', () => {
    // 10-07 is the first working day after 09-30, as after 09-28: the same 20th working day, 2023-11-01
    expect(dueDate(received('2023-09-30'), calendar)).toBe('2023-11-01');
  });
});

describe('the full walk: supplement, third-party consultation, extension (Arts. 30, 32, 33)', () => {
  const start = received('2023-09-28');
  const supplemented = run(start, [
    { type: 'supplementRequested', date: '2023-10-10', termEnds: '2023-10-24' },
    { type: 'supplemented', date: '2023-10-20' },
  ]);

  it('while waiting for the supplement the reply term is stopped', () => {
    const waiting = run(start, [{ type: 'supplementRequested', date: '2023-10-10', termEnds: '2023-10-24' }]);
    expect(replyClock(waiting, calendar)).toEqual({ kind: 'paused', reason: 'supplement', remainingWorkingDays: 20 });
    expect(dueDate(waiting, calendar)).toBeNull();
  });

  it('Art. 30: the term runs again from the supplement (2023-10-20, Fri): due 2023-11-17', () => {
    // 10-23..27(1-5) 10-30..11-03(6-10) 11-06..10(11-15) 11-13..17(16-20)
    expect(dueDate(supplemented, calendar)).toBe('2023-11-17');
  });

  const consulted = run(supplemented, [
    { type: 'consultationStarted', date: '2023-10-25', party: 'thirdParty' },
    { type: 'consultationAnswered', date: '2023-11-08' },
  ]);

  it('Art. 32/33: consulting stops the clock; 10-25 to 11-08 adds its 10 working days: due 2023-12-01', () => {
    // counted before the pause: 10-23, 10-24, 10-25 = 3, so 17 remain; paused (10-25, 11-08];
    // from 11-08: 11-09(1) 11-10(2) 11-13..17(3-7) 11-20..24(8-12) 11-27..30(13-16) 12-01(17)
    expect(dueDate(consulted, calendar)).toBe('2023-12-01');
  });

  it('during the consultation the clock shows the working days left', () => {
    const consulting = run(supplemented, [{ type: 'consultationStarted', date: '2023-10-25', party: 'thirdParty' }]);
    expect(replyClock(consulting, calendar)).toEqual({ kind: 'paused', reason: 'consultation', remainingWorkingDays: 17 });
    expect(isOverdue(consulting, '2024-03-01', calendar)).toBe(false);
  });

  const extended = run(consulted, [
    { type: 'extensionApproved', date: '2023-11-30', workingDays: 20, approverRole: 'reviewer' },
  ]);

  it('Art. 33: the extension of 20 working days: due 2023-12-29', () => {
    // from 12-01: 12-04..08(1-5) 12-11..15(6-10) 12-18..22(11-15) 12-25..29(16-20)
    expect(dueDate(extended, calendar)).toBe('2023-12-29');
  });

  it('isOverdue and dueSoon around that date (2023-12-30/31 weekend, 2024-01-01 holiday)', () => {
    expect(isOverdue(extended, '2023-12-29', calendar)).toBe(false);
    expect(isOverdue(extended, '2024-01-02', calendar)).toBe(true);
    // 12-26 → working days in (12-26, 12-29] = 12-27, 12-28, 12-29 = 3
    expect(dueSoon(extended, '2023-12-26', calendar)).toBe(true);
    expect(dueSoon(extended, '2023-12-25', calendar)).toBe(false);
    expect(dueSoon(extended, '2023-12-25', calendar, 4)).toBe(true);
    expect(dueSoon(extended, '2024-01-02', calendar)).toBe(false); // overdue, not "soon"
  });

  it('once replied the deadline it had to meet is kept, and nothing is overdue any more', () => {
    const replied = run(extended, [
      { type: 'replied', date: '2023-12-28', outcome: 'withheld.thirdParty', legalBasis: '《条例》第十五条、第三十二条' },
    ]);
    expect(replyClock(replied, calendar)).toEqual({ kind: 'answered', due: '2023-12-29', repliedOn: '2023-12-28' });
    expect(isOverdue(replied, '2024-01-10', calendar)).toBe(false);
  });
});

describe('the fee clock (办法, 国办函〔2020〕109号)', () => {
  it('the payment period does not count: notice 10-16, paid 10-27 moves the due date from 11-01 to 11-14', () => {
    const paid = run(received('2023-09-28'), [
      { type: 'feeNoticeIssued', date: '2023-10-16', noticeReceivedOn: '2023-10-18', charge: { standard: 'perVolume', pages: 120 } },
      { type: 'feePaid', date: '2023-10-27' },
    ]);
    // paused (10-16, 10-27] = 10-17..20, 10-23..27 = 9 working days; 11-01 + 9: 11-02 11-03 11-06..10 11-13 11-14
    expect(dueDate(paid, calendar)).toBe('2023-11-14');
  });
});

describe('a pause after the term has run out does not revive it', () => {
  it('consulting from 11-06 on an application due 11-01 leaves it due 11-01 and overdue', () => {
    const late = run(received('2023-09-28'), [
      { type: 'consultationStarted', date: '2023-11-06', party: 'otherAgency' },
      { type: 'consultationAnswered', date: '2023-11-20' },
    ]);
    expect(dueDate(late, calendar)).toBe('2023-11-01');
    expect(isOverdue(late, '2023-11-21', calendar)).toBe(true);
  });
});

describe('no reply is due after abandonment or withdrawal', () => {
  it('withdrawn: no due date, never overdue', () => {
    const withdrawn = run(received('2023-09-28'), [{ type: 'withdrawn', date: '2023-10-09' }]);
    expect(replyClock(withdrawn, calendar)).toEqual({ kind: 'ended' });
    expect(isOverdue(withdrawn, '2024-01-01', calendar)).toBe(false);
  });
});
