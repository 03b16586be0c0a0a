/**
 * Where an application counts in table 三 of the annual report (domain.md §4 "Mapping workflow outcomes to rows",
 * stable ids of §7). Used by the annual report builder.
 */
import type { FormatId } from '../../annual-report/domain/formats/index.ts';
import type { OutcomeId } from './outcomes.ts';
import type { ApplicationState } from './state.ts';

/** Art. 27, 29 and the form's columns: a natural person, or one of five kinds of legal person / organisation. */
export const APPLICANT_TYPES = ['naturalPerson', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** The table 三 column an applicant type counts in. */
export function tableColumnFor(applicantType: ApplicantType): ApplicantType {
  return applicantType;
}

/**
 * The table 三 row an outcome counts in. The 2021 format has a row per outcome; the 2019 (trial) format has the
 * single （六）其他处理 row `other` for all three `other.*` outcomes.
 */
export function tableRowFor(outcome: OutcomeId, format: FormatId = '2021'): string {
  return format === '2019' && outcome.startsWith('other.') ? 'other' : outcome;
}

/**
 * The table 三 rows one application adds 1 to in the report for `year` (all in its applicant column):
 * 一 `received` if received that year; 二 `carriedIn` if received earlier and still open on 1 January;
 * its outcome row if handling ended that year; 四 `carriedOut` if still open on 31 December (it is then next
 * year's 二). Handling ends with the reply, deemed abandonment or withdrawal — delivery and archiving do not count.
 */
export function reportRowsFor(state: ApplicationState, year: number, format: FormatId = '2021'): string[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (state.receivedOn > end) return [];
  const closedOn = state.closedOn;
  if (closedOn !== null && closedOn < start) return [];
  const rows: string[] = [];
  rows.push(state.receivedOn >= start ? 'received' : 'carriedIn');
  if (closedOn !== null && closedOn <= end && state.outcome !== null) rows.push(tableRowFor(state.outcome, format));
  else rows.push('carriedOut');
  return rows;
}
