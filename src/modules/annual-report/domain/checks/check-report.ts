import { cellKey, type Finding } from '../finding.ts';
import type { Report } from '../report.ts';
import { checkCellValues } from './cell-values.ts';
import { checkIdentities } from './identities.ts';
import { checkNarrative } from './narrative.ts';
import { checkNarrativeYear } from './narrative-year.ts';
import { sortFindings } from './order.ts';
import { checkSectionsAndTables, checkYearAndFormat } from './structure.ts';

export interface CheckOptions {
  /** The year the report is supposed to be on (the upload form's year); used when the report names none. */
  readonly expectedYear?: number;
}

/**
 * Every check of one annual report (Arts. 49-50 and the national formats, domain.md §4): the sum identities with one
 * finding per root cause, cell values, sections and tables, year and format, and the prose against the tables.
 */
export function checkReport(report: Report, options: CheckOptions = {}): Finding[] {
  const { year, findings: yearFindings } = checkYearAndFormat(report, options.expectedYear);
  const cellFindings = mergeCellFaults(checkCellValues(report), checkIdentities(report));
  return sortFindings(report.format, [
    ...yearFindings,
    ...checkSectionsAndTables(report),
    ...cellFindings,
    ...checkNarrativeYear(report, year),
    ...checkNarrative(report, year),
  ]);
}

/**
 * A cell holding text, a negative or a decimal also breaks the identities through it; the identity finding that
 * blames that same cell alone is folded into the value finding, which gains the value the identities imply.
 */
function mergeCellFaults(valueFindings: readonly Finding[], identityFindings: readonly Finding[]): Finding[] {
  const byCell = new Map(valueFindings.map((f) => [cellKey(f.cells[0]!), f]));
  const folded = new Map<string, Finding>();
  const rest: Finding[] = [];
  for (const f of identityFindings) {
    const only = f.cells.length === 1 ? f.cells[0] : undefined;
    const valueFinding = only && f.code.endsWith('.suspectCell') ? byCell.get(cellKey(only)) : undefined;
    if (!valueFinding || typeof f.expected !== 'number') {
      rest.push(f);
      continue;
    }
    folded.set(cellKey(only!), {
      ...valueFinding,
      expected: f.expected,
      message: `${valueFinding.message}；按所在的勾稽关系应为${f.expected}`,
      messageEn: `${valueFinding.messageEn}; the identities through it give ${f.expected}`,
    });
  }
  return [...valueFindings.map((f) => folded.get(cellKey(f.cells[0]!)) ?? f), ...rest];
}
