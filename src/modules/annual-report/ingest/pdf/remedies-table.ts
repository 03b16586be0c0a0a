import { normaliseLabel } from '../../domain/labels.ts';
import { REMEDIES_TABLE } from '../../domain/formats/common.ts';
import type { ExtractionNote } from '../../domain/report.ts';
import type { Line } from '../document.ts';
import type { TableRead } from './applications-table.ts';
import { isValueWord, placeValues, stackHeader, tileColumns, type Column } from './columns.ts';
import { lineText, type TextLine } from './lines.ts';

/** 行政复议 5 columns, 行政诉讼 10 (未经复议直接起诉 5, 复议后起诉 5). */
const COLUMN_COUNT = 15;
const SPANNING = /^(行政复议|行政诉讼|未经复议直接起诉|复议后起诉)(情况)?$/;
const KNOWN_HEADERS = REMEDIES_TABLE.columns.flatMap((c) => [c.label, ...c.aliases]);
/** The data line may be printed far below the three-level header, but not past the next section. */
const MAX_HEADER_LINES = 20;

const NEXT_SECTION = /^[五六七]\./;

/** A line of values only (blank cells leave gaps, so any number of them). */
const isValueLine = (line: TextLine) => line.words.length > 0 && line.words.every((w) => isValueWord(w.text));

const words = (line: TextLine) => line.words.map((w) => normaliseLabel(w.text));

/** True when the line starts table 四's header: a 行政复议 cell, with 行政诉讼 on it or just below. */
export function isRemediesHeader(lines: readonly TextLine[], i: number): boolean {
  const line = lines[i];
  if (!line || !words(line).some((w) => /^行政复议(情况)?$/.test(w))) return false;
  return lines.slice(i, i + 4).some((l) => words(l).some((w) => /^行政诉讼(情况)?$/.test(w)));
}

/**
 * Table 四: the bottom header level gives fifteen column x-ranges (结果 / 维持, 尚未审 / 结 stacked in narrow
 * cells) and the numbers are placed by x into them. The upper levels (行政复议 | 行政诉讼 | 未经复议直接起诉 |
 * 复议后起诉) are fixed by the form and centred over their spans, so they are not written out.
 */
export function readRemediesTable(lines: readonly TextLine[], headerLine: number, tableIndex: number): TableRead {
  const notes: ExtractionNote[] = [];
  let data = headerLine;
  const limit = Math.min(lines.length, headerLine + MAX_HEADER_LINES);
  while (data < limit && !isValueLine(lines[data] as TextLine)) {
    if (data > headerLine && NEXT_SECTION.test(normaliseLabel(lineText(lines[data] as TextLine)))) return { rows: [], end: headerLine, notes };
    data++;
  }
  if (data >= limit) return { rows: [], end: headerLine, notes };
  const header = lines.slice(headerLine, data);
  const stacked = stackHeader(header, SPANNING, KNOWN_HEADERS);
  const dataLines: TextLine[] = [];
  let end = data;
  while (end < lines.length && isValueLine(lines[end] as TextLine)) dataLines.push(lines[end++] as TextLine);
  const page = (lines[headerLine] as TextLine).page;

  let columns: Column[] | null = null;
  if (stacked.length === COLUMN_COUNT) columns = tileColumns(stacked);
  const rows: Line[] = [];
  if (columns) {
    const cols = columns;
    rows.push({ kind: 'row', cells: cols.map((c) => c.header), aligned: true, tableIndex, page });
    for (const l of dataLines) rows.push({ kind: 'row', cells: placeValues(cols, l.words), aligned: true, tableIndex, page: l.page });
  } else {
    for (const l of dataLines) {
      const values = l.words.map((w) => w.text);
      rows.push({ kind: 'row', cells: values, aligned: values.length === COLUMN_COUNT, tableIndex, page: l.page });
    }
    notes.push({
      kind: 'guessed',
      table: 'remedies',
      message: `表四表头未能分出 ${COLUMN_COUNT} 列（识别到 ${stacked.length} 列），数值按印刷顺序读取`,
      source: header.map(lineText).join(' / '),
    });
  }
  return { rows, end, notes };
}
