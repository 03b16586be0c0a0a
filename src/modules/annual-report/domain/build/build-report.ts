import { isOutcomeId } from '../../../applications/domain/outcomes.ts';
import { tableRowFor } from '../../../applications/domain/table-mapping.ts';
import { change, num, type Cell } from '../cell.ts';
import { FORMATS, formatForYear, type FormatId, type TableId } from '../formats/index.ts';
import { emptyReport, type ExtractionNote, type Report, type Section, type TableCells } from '../report.ts';
import { computedIds, fillTotals, zeroGrid, type Grid } from './totals.ts';
import type { ApplicationCount, BuildInput, ProactiveValues, RemedyCount } from './types.ts';

/**
 * The annual report built from the agency's data (Arts. 49-50, the national format of the year). Every cell holds a
 * number — a generated report prints 0, never a blank — and every total (（七）总计, the 总计 column, the table 四
 * group totals) is computed from its parts, so those identities hold by construction. 一 + 二 = 三 + 四 holds
 * whenever each application is counted once on each side, as classifyApplicationsForYear and the SQL aggregation do.
 * Input that names no cell of the format is left out and written down in `notes`.
 */
export function buildReport(input: BuildInput): Report {
  const format = input.format ?? formatForYear(input.year);
  const notes: ExtractionNote[] = [];
  const applications = applicationGrid(format, input.applications, notes);
  const remedies = remedyGrid(format, input.remedies ?? [], notes);
  const proactive = proactiveGrid(format, input.proactive ?? {}, notes);
  fillTotals(format, 'applications', applications);
  fillTotals(format, 'remedies', remedies);
  const sections = Object.fromEntries(
    FORMATS[format].sections.map((s): [string, Section] => [
      s.id,
      { heading: `${s.numeral}、${s.heading}`, text: input.sections?.[s.id]?.trim() ?? '' },
    ]),
  );
  return emptyReport(format, {
    agency: input.agency,
    year: input.year,
    title: `${input.agency}${input.year}年政府信息公开工作年度报告`,
    sections,
    notes,
    tables: {
      proactive: toCells(format, 'proactive', proactive),
      applications: toCells(format, 'applications', applications),
      remedies: toCells(format, 'remedies', remedies),
    },
  });
}

const ignored = (table: TableId, message: string, row?: string, column?: string): ExtractionNote => ({
  kind: 'ignored',
  message,
  table,
  ...(row === undefined ? {} : { row }),
  ...(column === undefined ? {} : { column }),
});

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The row of this format an input row counts in: 2019 folds other.* into `other` (domain.md §7). */
function applicationRow(format: FormatId, row: string, count: number, notes: ExtractionNote[]): string {
  if (isOutcomeId(row)) return tableRowFor(row, format);
  if (format === '2021' && row === 'other') {
    notes.push({
      kind: 'guessed',
      message: `试行格式的“（六）其他处理”${count}件无法细分，计入“（六）3.其他”`,
      table: 'applications',
      row: 'other.misc',
    });
    return 'other.misc';
  }
  return row;
}

function applicationGrid(format: FormatId, counts: readonly ApplicationCount[], notes: ExtractionNote[]): Grid {
  const grid = zeroGrid(format, 'applications');
  const computed = computedIds(format, 'applications');
  for (const { row: given, column, count } of counts) {
    if (!isCount(count)) {
      notes.push(ignored('applications', `表三“${given}”行“${column}”列的件数“${String(count)}”不是非负整数，未计入`, given, column));
      continue;
    }
    if (count === 0) continue;
    const row = applicationRow(format, given, count, notes);
    const cells = grid[row];
    if (!cells || computed.rows.has(row)) {
      notes.push(ignored('applications', `表三没有可填入的“${given}”行，${count}件申请未计入`, given, column));
    } else if (!(column in cells) || computed.columns.has(column)) {
      notes.push(ignored('applications', `表三没有“${column}”这一申请人类型列，${count}件申请未计入`, row, column));
    } else {
      cells[column] = (cells[column] ?? 0) + count;
    }
  }
  return grid;
}

function remedyGrid(format: FormatId, counts: readonly RemedyCount[], notes: ExtractionNote[]): Grid {
  const grid = zeroGrid(format, 'remedies');
  const computed = computedIds(format, 'remedies');
  for (const { group, result, count } of counts) {
    const cells = grid[group];
    if (!isCount(count)) {
      notes.push(ignored('remedies', `表四“${group}”的“${result}”件数“${String(count)}”不是非负整数，未计入`, group, result));
    } else if (!cells || !(result in cells) || computed.columns.has(result)) {
      notes.push(ignored('remedies', `表四没有“${group}”组的“${result}”结果，${count}件未计入`, group, result));
    } else {
      cells[result] = (cells[result] ?? 0) + count;
    }
  }
  return grid;
}

function proactiveGrid(format: FormatId, values: ProactiveValues, notes: ExtractionNote[]): Grid {
  const grid = zeroGrid(format, 'proactive');
  for (const [row, columns] of Object.entries(values)) {
    for (const [column, value] of Object.entries(columns)) {
      const cells = grid[row];
      if (!cells || !(column in cells)) {
        notes.push(ignored('proactive', `${FORMATS[format].name}的表二没有“${row}”行“${column}”列，数值${String(value)}未填入`, row, column));
      } else if (typeof value !== 'number' || !Number.isFinite(value)) {
        notes.push(ignored('proactive', `表二“${row}”行“${column}”列的数值“${String(value)}”无效，按0填写`, row, column));
      } else {
        cells[column] = value;
      }
    }
  }
  return grid;
}

function toCells(format: FormatId, table: TableId, grid: Grid): TableCells {
  const kinds = new Map(FORMATS[format].tables[table].columns.map((c) => [c.id, c.kind]));
  const out: Record<string, Record<string, Cell>> = {};
  for (const [row, columns] of Object.entries(grid)) {
    out[row] = Object.fromEntries(
      Object.entries(columns).map(([column, value]) => [column, kinds.get(column) === 'change' ? change(value) : num(value)]),
    );
  }
  return out;
}
