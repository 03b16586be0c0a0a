import { describe, expect, it } from 'vitest';
import { classifyApplicationsForYear, yearRowsFor } from './classify-applications.ts';
import type { ApplicationSummary } from './types.ts';

const app = (receivedOn: string, closedOn: string | null = null, outcome: string | null = null): ApplicationSummary => ({
  applicantColumn: 'naturalPerson',
  receivedOn,
  closedOn,
  outcome,
});

describe('yearRowsFor: where one application counts in the report on 2022 (domain.md §4)', () => {
  it.each([
    ['received and replied in the year → 一 and its outcome', app('2022-03-01', '2022-03-20', 'disclosed'), { in: 'received', out: 'disclosed' }],
    ['received on 1 January counts as received', app('2022-01-01', '2022-01-20', 'disclosed'), { in: 'received', out: 'disclosed' }],
    ['received in the year, open on 31 December → 四', app('2022-12-20'), { in: 'received', out: 'carriedOut' }],
    ['received earlier, closed in the year → 二 and its outcome', app('2021-12-10', '2022-01-05', 'withheld.thirdParty'), { in: 'carriedIn', out: 'withheld.thirdParty' }],
    ['received earlier, closed after the year → 二 and 四', app('2021-12-10', '2023-01-05', 'disclosed'), { in: 'carriedIn', out: 'carriedOut' }],
    ['closed on 31 December is handled in the year', app('2022-12-01', '2022-12-31', 'disclosed'), { in: 'received', out: 'disclosed' }],
    ['closed on 1 January is handled in the year', app('2021-12-01', '2022-01-01', 'disclosed'), { in: 'carriedIn', out: 'disclosed' }],
    ['withdrawn (other.misc) counts in （六）3', app('2022-05-01', '2022-05-03', 'other.misc'), { in: 'received', out: 'other.misc' }],
    ['deemed abandoned for no supplement (Art. 30)', app('2022-05-01', '2022-06-03', 'other.noSupplement'), { in: 'received', out: 'other.noSupplement' }],
    ['a closing date without an outcome is still open', app('2022-05-01', '2022-06-03', null), { in: 'received', out: 'carriedOut' }],
  ])('%s', (_name, summary, rows) => {
    expect(yearRowsFor(summary, 2022)).toEqual(rows);
  });

  it.each([
    ['received after the year', app('2023-01-01')],
    ['closed before the year', app('2021-03-01', '2021-12-31', 'disclosed')],
  ])('does not count an application %s', (_name, summary) => {
    expect(yearRowsFor(summary, 2022)).toBeNull();
  });
});

describe('classifyApplicationsForYear', () => {
  it('aggregates by row and applicant column, one count on each side of 一+二 = 三+四 per application', () => {
    const apps: ApplicationSummary[] = [
      app('2022-02-01', '2022-02-10', 'disclosed'),
      app('2022-02-02', '2022-02-11', 'disclosed'),
      { ...app('2021-11-02'), applicantColumn: 'business' },
      { ...app('2022-06-02', '2022-06-20', 'other.feeUnpaid'), applicantColumn: 'legalService' },
      app('2020-06-02', '2020-06-20', 'disclosed'),
    ];
    expect(classifyApplicationsForYear(apps, 2022)).toEqual([
      { row: 'carriedIn', column: 'business', count: 1 },
      { row: 'carriedOut', column: 'business', count: 1 },
      { row: 'disclosed', column: 'naturalPerson', count: 2 },
      { row: 'other.feeUnpaid', column: 'legalService', count: 1 },
      { row: 'received', column: 'legalService', count: 1 },
      { row: 'received', column: 'naturalPerson', count: 2 },
    ]);
  });

  it('gives nothing for a year without applications', () => {
    expect(classifyApplicationsForYear([app('2024-01-01')], 2022)).toEqual([]);
  });
});
