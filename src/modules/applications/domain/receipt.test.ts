import { describe, expect, it } from 'vitest';
import { receiptDate } from './receipt.ts';
import type { IntakeFacts } from './receipt.ts';
import { openApplication } from './state.ts';

const value = (facts: IntakeFacts) => {
  const r = receiptDate(facts);
  return r.ok ? r.value : r.error.code;
};

describe('Art. 31: the day an application is received', () => {
  it('(1) in person: the day it is handed in', () => {
    expect(value({ channel: 'inPerson', handedInOn: '2023-09-28' })).toBe('2023-09-28');
  });

  it('(2) registered post: the day the agency signs for it', () => {
    expect(value({ channel: 'registeredPost', signedForOn: '2023-10-07' })).toBe('2023-10-07');
  });

  it('(2) ordinary letter: the day the office confirms with the applicant, not the day it arrives', () => {
    expect(value({ channel: 'ordinaryPost', arrivedOn: '2023-09-28', confirmedWithApplicantOn: '2023-10-09' })).toBe('2023-10-09');
    expect(value({ channel: 'ordinaryPost', arrivedOn: '2023-09-28', confirmedWithApplicantOn: null })).toBe(
      'application.receipt.notConfirmed',
    );
  });

  it.each(['online', 'fax', 'email'] as const)('(3) %s: the day both sides confirm', (channel) => {
    expect(value({ channel, submittedOn: '2023-09-29', confirmedByBothOn: '2023-10-07' })).toBe('2023-10-07');
    expect(value({ channel, submittedOn: '2023-09-29', confirmedByBothOn: null })).toBe('application.receipt.notConfirmed');
  });

  it('a confirmation before the submission, or a date that does not exist, is refused', () => {
    expect(value({ channel: 'online', submittedOn: '2023-10-09', confirmedByBothOn: '2023-10-08' })).toBe(
      'application.receipt.beforeSubmission',
    );
    expect(value({ channel: 'inPerson', handedInOn: '2023-02-29' })).toBe('input.invalidDate');
    expect(value({ channel: 'registeredPost', signedForOn: '28/09/2023' })).toBe('input.invalidDate');
  });
});

describe('openApplication', () => {
  it('registers the application on its Art. 31 receipt date', () => {
    const opened = openApplication(
      { applicantType: 'legalService', facts: { channel: 'email', submittedOn: '2023-09-29', confirmedByBothOn: '2023-10-07' } },
      '2023-10-07',
    );
    expect(opened.ok && [opened.value.status, opened.value.receivedOn, opened.value.lastEventOn]).toEqual([
      'registered',
      '2023-10-07',
      '2023-10-07',
    ]);
  });

  it('refuses a receipt date in the future', () => {
    const opened = openApplication({ applicantType: 'naturalPerson', facts: { channel: 'inPerson', handedInOn: '2023-10-08' } }, '2023-10-07');
    expect(opened.ok ? null : opened.error.code).toBe('application.event.inFuture');
  });
});
