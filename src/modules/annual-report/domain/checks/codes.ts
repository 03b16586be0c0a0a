import type { Finding, Severity } from '../finding.ts';

/**
 * Every finding code the checks emit, with its severity. docs/findings.md explains each one; a test fails when a code
 * here is missing there. The identity codes (applications.balance …) are the `code` of the format's SumRule data.
 */
export const FINDING_CODES = {
  'applications.balance': 'error',
  'applications.handledTotal': 'error',
  'applications.rowTotal': 'error',
  'remedies.groupTotal': 'error',
  'applications.blankTotalRow': 'error',
  'applications.blankTotalColumn': 'error',
  'remedies.blankTotalColumn': 'error',
  'applications.suspectCell': 'error',
  'applications.suspectRow': 'error',
  'applications.suspectColumn': 'error',
  'remedies.suspectCell': 'error',
  'cells.negative': 'error',
  'cells.notInteger': 'error',
  'cells.text': 'error',
  'report.formatMismatch': 'error',
  'report.yearMismatch': 'error',
  'report.yearUnknown': 'notice',
  'sections.missing': 'warning',
  'sections.headingMismatch': 'notice',
  'tables.missing': 'warning',
  'narrative.yearMismatch': 'warning',
  'narrative.tableMismatch': 'warning',
  'series.carriedIn': 'error',
  'series.lastYearCount': 'error',
  'series.inForce': 'warning',
  'series.duplicateYear': 'warning',
  'series.agencyMismatch': 'warning',
  'series.yearUnknown': 'notice',
  'consolidated.cellMismatch': 'warning',
  'consolidated.mixedFormats': 'notice',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_CODES;

export function isFindingCode(code: string): code is FindingCode {
  return Object.hasOwn(FINDING_CODES, code);
}

/** Builds a finding; its severity comes from the code's entry above. */
export function finding(
  code: FindingCode,
  body: Omit<Finding, 'code' | 'severity'>,
): Finding {
  return { code, severity: FINDING_CODES[code], ...body };
}

/** For codes built from format data (a SumRule's code, `${table}.suspectCell`): unknown ones count as errors. */
export function findingFor(code: string, body: Omit<Finding, 'code' | 'severity'>): Finding {
  return { code, severity: isFindingCode(code) ? FINDING_CODES[code] : 'error', ...body };
}
