import { normaliseLabel } from '../../domain/labels.ts';
import { FORMATS } from '../../domain/formats/index.ts';
import type { ExtractionNote } from '../../domain/report.ts';
import type { Line } from '../document.ts';
import type { TableRead } from './applications-table.ts';
import { clusterValueColumns, isValueWord, placeValues, stackHeader, tileColumns, type Column } from './columns.ts';
import { lineText, type TextLine, type Word } from './lines.ts';

const HEADING = /^第二十条第?\([一二三四五六七八九十]+\)项/;
const LABEL_HEADER = /^(信息内容|内容|项目)$/;
const TABLES = [FORMATS['2019'].tables.proactive, FORMATS['2021'].tables.proactive];
const KNOWN_HEADERS = TABLES.flatMap((t) => t.columns.flatMap((c) => [c.label, ...c.aliases]).map(normaliseLabel));
const KNOWN_ROWS = TABLES.flatMap((t) => t.rows.flatMap((r) => [r.label, ...r.aliases]).map(normaliseLabel));
/** What ends table 二: the next section, or table 三's header. */
const AFTER_TABLE = /^([三四五六]\.|申请人情况|\(本列数据)/;

export function isProactiveBlockHeading(lines: readonly TextLine[], i: number): boolean {
  const line = lines[i];
  return !!line && HEADING.test(normaliseLabel(lineText(line)));
}

/**
 * Table 二 as its blocks: each 第二十条第（X）项 heading, its own column header (信息内容 | 本年制发件数 …) and
 * rows, values placed by x under the header words. A row printed with every value blank is kept as a row.
 */
export function readProactiveBlocks(lines: readonly TextLine[], start: number, tableIndex: number): TableRead {
  const rows: Line[] = [];
  const notes: ExtractionNote[] = [];
  let i = start;
  while (i < lines.length && isProactiveBlockHeading(lines, i)) {
    const heading = lines[i] as TextLine;
    i++;
    let j = i;
    while (j < lines.length && !isProactiveBlockHeading(lines, j) && !endsTable(lines[j] as TextLine)) j++;
    const block = lines.slice(i, j);
    const headerEnd = block.findIndex((l) => !isHeaderLine(l));
    const header = block.slice(0, headerEnd < 0 ? block.length : headerEnd);
    const body = block.slice(header.length);
    const stacked = stackHeader(header, LABEL_HEADER, KNOWN_HEADERS);
    const valueWords = body.flatMap((l) => l.words.slice(1).filter((w) => isValueWord(w.text)));
    const columns: Column[] = tileColumns(stacked.length ? stacked : clusterValueColumns(valueWords));
    if (!stacked.length && body.length) {
      notes.push({ kind: 'guessed', table: 'proactive', message: '表二此栏未找到列标题，按数字位置分列', source: lineText(heading) });
    }
    const width = columns.length;
    const page = heading.page;
    rows.push({ kind: 'row', cells: [normaliseLabel(lineText(heading)), ...columns.map(() => '')], aligned: true, tableIndex, page });
    if (header.length) {
      const corner = header.flatMap((l) => l.words).find((w) => LABEL_HEADER.test(normaliseLabel(w.text)));
      rows.push({ kind: 'row', cells: [corner ? normaliseLabel(corner.text) : '', ...columns.map((c) => c.header)], aligned: true, tableIndex, page });
    }
    const valueLeft = columns[0]?.left ?? Number.POSITIVE_INFINITY;
    let last: { cells: string[]; page: number } | null = null;
    for (const l of body) {
      const labelWords = l.words.filter((w) => centre(w) < valueLeft);
      const values = l.words.filter((w) => centre(w) >= valueLeft);
      const label = labelWords.map((w) => w.text).join('');
      // A label line without values is a wrapped label's tail unless it is a row label on its own (a blank row).
      if (!values.length && last && !KNOWN_ROWS.includes(normaliseLabel(label))) {
        last.cells[0] += label;
        continue;
      }
      const cells = [label, ...(values.length ? placeValues(columns, values) : Array<string>(width).fill(''))];
      last = { cells, page: l.page };
      rows.push({ kind: 'row', cells, aligned: true, tableIndex, page: l.page });
    }
    i = j;
  }
  return { rows, end: i, notes };
}

const centre = (w: Word) => (w.left + w.right) / 2;

/** A header line: no value on it, and at least one known column title or the 信息内容 corner. */
function isHeaderLine(line: TextLine): boolean {
  const words = line.words.map((w) => normaliseLabel(w.text));
  if (line.words.some((w) => isValueWord(w.text))) return false;
  return words.some((w) => LABEL_HEADER.test(w) || KNOWN_HEADERS.some((k) => k.includes(w) || w.includes(k)));
}

function endsTable(line: TextLine): boolean {
  return AFTER_TABLE.test(normaliseLabel(lineText(line)));
}
