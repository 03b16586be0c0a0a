/**
 * The keys a supervisor's review of a finding is kept under, so the review comes back when the same report is checked
 * again — uploaded as the same file or as another format of it (HTML, DOCX, text, PDF of one report).
 *
 * report key: sha256 (hex) of the canonical JSON of
 *   ["gongkai.report-key/1", agency name (normalised label), year, format, missing tables (sorted),
 *    every cell of the three tables in the format's row and column order]
 * where a cell is its number ("12", "-3", "26158.97"), "" for blank, "-" for a dash, "t:<text>" for stray text.
 * What was printed around the number (12件, ＋3, 万元) is left out: different file formats of one report print it
 * differently but read it as the same cell. The prose is left out too (line breaks differ between formats): a
 * report whose cells change is another report; one whose prose alone changes keeps its reviews.
 *
 * finding key: `code|sorted cell ids|canonical JSON of [expected, found]` with text normalised like labels, e.g.
 *   `applications.suspectCell|applications.handledTotal.naturalPerson|[12,15]`.
 * The detail tells apart findings of one code without cells (one sections.missing per missing section).
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../audit/domain/canonical-json.ts';
import { numericValue } from './cell.ts';
import { cellKey, type Finding } from './finding.ts';
import { FORMATS, TABLE_IDS } from './formats/index.ts';
import { normaliseLabel } from './labels.ts';
import { getCell, type Report } from './report.ts';

export const REPORT_KEY_VERSION = 'gongkai.report-key/1';

/** A report key: 64 lowercase hex digits. */
export const REPORT_KEY_PATTERN = /^[0-9a-f]{64}$/;

/** The longest finding key accepted from a form (a suspect row names a dozen cells: far below this). */
export const MAX_FINDING_KEY_LENGTH = 4000;

function cellToken(report: Report, table: (typeof TABLE_IDS)[number], row: string, column: string): string {
  const cell = getCell(report, table, row, column);
  const n = numericValue(cell);
  if (n !== null) return String(n);
  if (cell.kind === 'dash') return '-';
  if (cell.kind === 'text') return `t:${normaliseLabel(cell.raw)}`;
  return '';
}

/** The canonical text the report key hashes (exported for tests and for explaining a key). */
export function reportKeySource(report: Report): string {
  const tables = TABLE_IDS.map((t) => FORMATS[report.format].tables[t].rows.map((row) => row.columns.map((c) => cellToken(report, t, row.id, c))));
  const value: JsonValue = [
    REPORT_KEY_VERSION,
    report.agency === null ? null : normaliseLabel(report.agency),
    report.year,
    report.format,
    [...report.missingTables].sort(),
    tables,
  ];
  return canonicalJson(value);
}

export function reportKey(report: Report): string {
  return createHash('sha256').update(reportKeySource(report), 'utf8').digest('hex');
}

function detail(value: number | string | null): JsonValue {
  return typeof value === 'string' ? normaliseLabel(value) : value;
}

export function findingKey(finding: Finding): string {
  const cells = finding.cells.map(cellKey).sort();
  return `${finding.code}|${cells.join(',')}|${canonicalJson([detail(finding.expected), detail(finding.found)])}`;
}
