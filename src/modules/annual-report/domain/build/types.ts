import type { FormatId, SectionId } from '../formats/index.ts';

/**
 * How many applications of one applicant column count in one row of table 三 — what a SQL GROUP BY gives.
 * `row` is `received`, `carriedIn`, `carriedOut` or an outcome id of the 2021 format (domain.md §7); the builder
 * folds the `other.*` outcomes into the 2019 format's single `other` row. `column` is an applicant column id.
 */
export interface ApplicationCount {
  readonly row: string;
  readonly column: string;
  readonly count: number;
}

export const REMEDY_GROUP_IDS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
export type RemedyGroupId = (typeof REMEDY_GROUP_IDS)[number];
export const REMEDY_RESULT_IDS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type RemedyResultId = (typeof REMEDY_RESULT_IDS)[number];

/** How many reconsideration or litigation cases of one group ended with one result (table 四). */
export interface RemedyCount {
  readonly group: string;
  readonly result: string;
  readonly count: number;
}

/**
 * Table 二 values by stable row id, then column id, of the format being built (domain.md §7): counts from the
 * catalogue and the yearly counts staff enter (the 2019 format's 上一年项目数量 and signed 本年增/减); money in 万元.
 */
export type ProactiveValues = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface BuildInput {
  /** The agency's name, as the title prints it. */
  readonly agency: string;
  readonly year: number;
  /** Defaults to the format the year requires (formatForYear). */
  readonly format?: FormatId;
  readonly applications: readonly ApplicationCount[];
  readonly remedies?: readonly RemedyCount[];
  readonly proactive?: ProactiveValues;
  /** The prose under each heading; a section not given is printed with its heading and no text. */
  readonly sections?: Readonly<Partial<Record<SectionId, string>>>;
}

/** What the report needs to know of one application (its state in the applications module, or its stored row). */
export interface ApplicationSummary {
  /** Table 三 column id: the applicant type (Art. 27, 29). */
  readonly applicantColumn: string;
  /** Art. 31 receipt date, YYYY-MM-DD. */
  readonly receivedOn: string;
  /** The day handling ended (reply, deemed abandonment, withdrawal), or null while open. */
  readonly closedOn: string | null;
  /** The 2021 outcome id it ended with, or null while open. */
  readonly outcome: string | null;
}
