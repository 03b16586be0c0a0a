import { numericValue, valueForSum, type Cell } from '../../domain/cell.ts';
import { APPLICANT_COLUMN_IDS } from '../../domain/formats/common.ts';
import { FORMATS, type FormatId, type SumRule } from '../../domain/formats/index.ts';
import type { ExtractionNote } from '../../domain/report.ts';
import { APPLICATION_DIGIT_GROUPS } from '../digit-split.ts';
import type { Fragment } from './fragments.ts';
import { HEADER_WORDS } from './header-words.ts';
import { cellSignature, type Judge } from './placement.ts';
import { describe, readRowTable, type RowReading, type RowTableResult } from './row-table.ts';

/** Row identity of table 三: 总计 = 自然人 + the five organisation columns (domain §4, check 3). */
export const applicationRowJudge: Judge = (cells) => {
  const parts = cells.slice(0, 6);
  const total = cells[6];
  const sum = parts.reduce((acc, c) => acc + valueForSum(c), 0);
  const totalValue = numericValue(total);
  if (totalValue === null) return parts.every((c) => numericValue(c) === null) ? 2 : 1;
  return Math.abs(totalValue - sum) < 1e-9 ? 2 : 0;
};

const MAX_COMBINATIONS = 20_000;

/** Table 三 (Art. 50(2)): rows by label and position, then open choices settled by the column identities. */
export function readApplications(fragments: readonly Fragment[], format: FormatId): RowTableResult {
  const def = FORMATS[format].tables.applications;
  const result = readRowTable(fragments, {
    table: 'applications',
    def,
    anchor: 'right',
    headerWords: HEADER_WORDS,
    judge: applicationRowJudge,
    digitGroups: { columns: APPLICANT_COLUMN_IDS.length, groups: APPLICATION_DIGIT_GROUPS },
  });
  const rules = FORMATS[format].rules.filter((r) => r.table === 'applications' && r.kind === 'rows');
  const resolved = resolveByColumns(result.readings, rules);
  return { ...result, readings: resolved.readings, notes: [...result.notes, ...resolved.notes] };
}

/**
 * Rows with several fitting readings (glued digits, lost separators): try every combination and keep the ones
 * under which the column identities (一+二 = 三+四, （七） = Σ outcomes) hold wherever the total is printed.
 */
function resolveByColumns(
  readings: ReadonlyMap<string, RowReading>,
  rules: readonly SumRule[],
): { readings: ReadonlyMap<string, RowReading>; notes: ExtractionNote[] } {
  const open = [...readings.values()].filter((r) => distinctCount(r.fitting) > 1);
  if (open.length === 0) return { readings, notes: [] };
  const options = open.map((r) => dedupe(r.fitting));
  const total = options.reduce((acc, o) => acc * o.length, 1);
  if (total > MAX_COMBINATIONS) {
    return { readings, notes: [{ kind: 'guessed', table: 'applications', message: `有 ${open.length} 行的读法不确定，组合太多（${total} 种），未用列关系核对` }] };
  }
  const fits: number[][] = [];
  const pick = new Array<number>(open.length).fill(0);
  const cellsOf = (row: string, col: number): Cell | undefined => {
    const k = open.findIndex((r) => r.row.id === row);
    if (k >= 0) return options[k]![pick[k]!]![col];
    return readings.get(row)?.cells[col];
  };
  let checked = false;
  const holds = (): boolean => {
    for (const rule of rules) {
      for (let col = 0; col < APPLICANT_COLUMN_IDS.length; col++) {
        const totalValue = numericValue(cellsOf(rule.totalId, col));
        if (totalValue === null) continue;
        checked = true;
        const sum =
          rule.partIds.reduce((acc, id) => acc + valueForSum(cellsOf(id, col)), 0) -
          (rule.otherSide ?? []).reduce((acc, id) => acc + valueForSum(cellsOf(id, col)), 0);
        if (Math.abs(sum - totalValue) > 1e-9) return false;
      }
    }
    return true;
  };
  for (let n = 0; n < total; n++) {
    let rest = n;
    for (let k = 0; k < open.length; k++) {
      pick[k] = rest % options[k]!.length;
      rest = Math.floor(rest / options[k]!.length);
    }
    if (holds()) fits.push([...pick]);
    if (fits.length > 1 && checked) break;
  }
  const out = new Map(readings);
  const notes: ExtractionNote[] = [];
  if (fits.length === 1 && checked) {
    open.forEach((r, k) => {
      const cells = options[k]![fits[0]![k]!]!;
      out.set(r.row.id, { ...r, cells, fitting: [cells] });
      notes.push({ kind: 'guessed', table: 'applications', row: r.row.id, source: r.source, message: `“${r.row.marker}${r.row.label}”有多种读法，按各列的合计关系只有一种成立：${describe(cells)}` });
    });
  } else if (checked) {
    const why = fits.length === 0 ? '没有一种组合能让各列的合计关系成立' : '不止一种组合能让各列的合计关系成立';
    notes.push({ kind: 'guessed', table: 'applications', message: `${open.map((r) => `“${r.row.marker}${r.row.label}”`).join('、')}的读法不确定，${why}，保留首选读法` });
  }
  return { readings: out, notes };
}

function dedupe(list: readonly (readonly Cell[])[]): (readonly Cell[])[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const s = cellSignature(c);
    if (seen.has(s)) return false;
    seen.add(s);
    return true;
  });
}

function distinctCount(list: readonly (readonly Cell[])[]): number {
  return new Set(list.map(cellSignature)).size;
}
