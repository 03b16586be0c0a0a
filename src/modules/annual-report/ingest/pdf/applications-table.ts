import { normaliseLabel } from '../../domain/labels.ts';
import { APPLICANT_COLUMNS } from '../../domain/formats/common.ts';
import type { ExtractionNote } from '../../domain/report.ts';
import type { Line } from '../document.ts';
import { clusterValueColumns, columnOf, isValueWord, stackHeader, tileColumns, type Column } from './columns.ts';
import { toFlow } from './flow.ts';
import { lineText, median, type TextLine, type Word } from './lines.ts';
import { labelRows, type DataRow, type LabelItem } from './row-labels.ts';

export interface TableRead {
  readonly rows: Line[];
  /** Index of the table's first line, when its header starts above the line that identified it. */
  readonly start?: number;
  /** Index of the first line after the table. */
  readonly end: number;
  readonly notes: ExtractionNote[];
}

const COLUMN_COUNT = APPLICANT_COLUMNS.length;
const KNOWN_HEADERS = APPLICANT_COLUMNS.flatMap((c) => [c.label, ...c.aliases]);
const SPANNING = /申请人情况|法人或其他组织|勾稽关系|本列数据|加第二项|第三项加第四|项之和/;
/** What ends table 三: the next section (四、政府信息公开行政复议…, 五、…) or table 四's header. */
const AFTER_TABLE = /^([四五六七]\.(?!结转)|行政复议|行政诉讼)/;

const ROW_START = /^[一二三四]\./;
/** Numbering of the items under a group: 1. 1、 (1) 1) ①. */
const ITEM_MARKER = /^(\d+[.)]|\(\d+\)|[①-⑳])/;

/** True when the line starts table 三's header: a 自然人 cell, with a 总计 cell on it or within a few lines below. */
export function isApplicationsHeader(lines: readonly TextLine[], i: number): boolean {
  const line = lines[i];
  // A narrow column wraps the header itself: 自然 / 人. A prose line mentioning 自然人 has longer words.
  if (!line || !line.words.some((w) => /^自然人?$/.test(normaliseLabel(w.text)))) return false;
  return lines.slice(i, i + 6).some((l) => cellTexts(l).some((t) => /^(总计|合计)$/.test(t)));
}

/** The words of a line, with neighbouring single characters also joined (总 计 printed with a wide space). */
function cellTexts(line: TextLine): string[] {
  const texts = line.words.map((w) => normaliseLabel(w.text));
  return [...texts, ...texts.slice(1).map((t, i) => `${texts[i]}${t}`)];
}

/**
 * Table 三 from the line holding its 自然人 header: column x-ranges from the header words (split inside narrow
 * columns), then each row's values placed by x into the seven applicant columns, labels rebuilt by position.
 */
export function readApplicationsTable(lines: readonly TextLine[], headerLine: number, tableIndex: number): TableRead {
  const notes: ExtractionNote[] = [];
  const first = lines[headerLine] as TextLine;
  const natural = first.words.find((w) => /^自然人?$/.test(normaliseLabel(w.text))) as Word;
  const h = natural.bottom - natural.top;
  // The header starts a few lines above 自然人 (申请人情况, the corner note) and ends where the rows start: the
  // first line with a value, or with a row number (一、 of a label wrapped above its values).
  let start = headerLine;
  while (start > 0 && isHeaderAbove(lines[start - 1] as TextLine, first, h)) start--;
  let body = headerLine + 1;
  while (body < lines.length && !isDataLine(lines[body] as TextLine, natural.left - 2 * h) && !ROW_START.test(normaliseLabel(lineText(lines[body] as TextLine)))) body++;
  const headerLines = lines.slice(start, body);
  const stacked = stackHeader(
    headerLines.map((l) => ({ ...l, words: l.words.filter((w) => (w.left + w.right) / 2 > natural.left - h) })),
    SPANNING,
    KNOWN_HEADERS,
  );
  let end = body;
  while (end < lines.length && !endsTable(lines[end] as TextLine, natural.left)) end++;
  const bodyLines = lines.slice(body, end);

  let columns: Column[];
  let aligned = true;
  if (stacked.length === COLUMN_COUNT) columns = tileColumns(stacked);
  else {
    const valueWords = bodyLines.flatMap((l) => l.words.filter((w) => w.left > natural.left - 2 * h && isValueWord(w.text)));
    const clustered = clusterValueColumns(valueWords);
    columns = tileColumns(clustered);
    aligned = clustered.length === COLUMN_COUNT;
    notes.push({
      kind: aligned ? 'guessed' : 'unreadable',
      table: 'applications',
      message: aligned
        ? `表三表头未能按列识别（识别到 ${stacked.length} 列），按数字位置分为 ${COLUMN_COUNT} 列`
        : `表三表头未能按列识别，数字只分出 ${clustered.length} 列（应为 ${COLUMN_COUNT} 列），各行数值按原顺序给出`,
      source: headerLines.map(lineText).join(' / '),
    });
  }
  const valueLeft = columns[0]?.left ?? natural.left;

  const lineHeight = median(bodyLines.map((l) => l.bottom - l.top).filter((x) => x > 0)) || h;
  const flow = toFlow(bodyLines, lineHeight / 2);
  const labelWords = bodyLines.flatMap((l) => l.words.filter((w) => (w.left + w.right) / 2 < valueLeft));
  const edges = labelColumnEdges(labelWords, lineHeight);
  const data: DataRow[] = [];
  const items: LabelItem[] = [];
  for (const f of flow) {
    const values = f.line.words.filter((w) => (w.left + w.right) / 2 >= valueLeft);
    // A header repeated on a new page, or a stray note, has words over the value columns but no value.
    if (values.length && !values.some((w) => isValueWord(w.text))) continue;
    if (SPANNING.test(normaliseLabel(lineText(f.line)))) continue;
    let row: number | null = null;
    if (values.length) {
      row = data.length;
      data.push({ top: f.top, bottom: f.bottom, page: f.line.page, values: aligned ? place(columns, values) : values.map((w) => w.text) });
    }
    // Words of one label cell on one line (a label printed with wide letter spacing) make one item.
    const offset = f.top - f.line.top;
    const onLine = new Map<number, number>();
    for (const w of f.line.words) {
      if ((w.left + w.right) / 2 >= valueLeft) continue;
      const column = labelColumn(w, edges);
      const at = onLine.get(column);
      const prev = at === undefined ? undefined : items[at];
      if (at !== undefined && prev) items[at] = { ...prev, text: prev.text + w.text, bottom: Math.max(prev.bottom, w.bottom + offset) };
      else {
        onLine.set(column, items.length);
        items.push({ column, text: w.text, top: w.top + offset, bottom: w.bottom + offset, row, page: w.page });
      }
    }
  }
  const labelled = labelRows(items, data, edges.length, lineHeight);
  const page = first.page;
  const header: Line = {
    kind: 'row',
    cells: [...edges.map(() => ''), ...(aligned ? columns.map((c) => c.header) : [])],
    aligned,
    tableIndex,
    page,
  };
  const rows: Line[] = [header];
  for (const r of labelled) {
    rows.push({ kind: 'row', cells: [...r.labels, ...(aligned ? padded(r.values) : r.values)], aligned, tableIndex, page: r.page ?? page });
    if (r.blank) {
      notes.push({ kind: 'guessed', table: 'applications', message: '表三此行未印任何数值，按空白行读取', source: r.labels.join('') });
    }
  }
  return { rows, start, end, notes };
}

function padded(values: readonly string[]): string[] {
  return Array.from({ length: COLUMN_COUNT }, (_, i) => values[i] ?? '');
}

function place(columns: readonly Column[], words: readonly Word[]): string[] {
  const cells = columns.map(() => '');
  for (const w of [...words].sort((a, b) => a.left - b.left)) {
    const i = columnOf(columns, w);
    if (i !== null) cells[i] += w.text;
  }
  return cells;
}

/** A line of the header printed above the 自然人 line: 申请人情况, 法人或其他组织, the corner note. */
function isHeaderAbove(line: TextLine, first: TextLine, h: number): boolean {
  if (line.page !== first.page || first.top - line.top > 8 * h) return false;
  return line.words.some((w) => SPANNING.test(normaliseLabel(w.text)) || KNOWN_HEADERS.includes(normaliseLabel(w.text)));
}

function isDataLine(line: TextLine, left: number): boolean {
  return line.words.some((w) => w.left >= left && isValueWord(w.text));
}

function endsTable(line: TextLine, valueLeft: number): boolean {
  const text = normaliseLabel(lineText(line));
  if (AFTER_TABLE.test(text)) return true;
  // Prose running across the value columns without a single value in them.
  const h = line.bottom - line.top;
  const inValues = line.words.filter((w) => w.right > valueLeft + 4 * h);
  return inValues.length > 0 && !inValues.some((w) => isValueWord(w.text)) && inValues.some((w) => w.left < valueLeft);
}

/**
 * Left edges of the label columns: level 0 at the table's edge, level 1 where （一）-style labels start, level 2
 * where 1.-style labels start (each only when printed to the right of the previous level).
 */
function labelColumnEdges(words: readonly Word[], lineHeight: number): number[] {
  const tol = lineHeight / 2;
  const minLeft = (re: RegExp) => {
    const lefts = words.filter((w) => re.test(normaliseLabel(w.text))).map((w) => w.left);
    return lefts.length ? Math.min(...lefts) : null;
  };
  const edges = [Number.NEGATIVE_INFINITY];
  const level1 = minLeft(/^\([一二三四五六七八九十]+\)/);
  const level2 = minLeft(ITEM_MARKER);
  if (level1 !== null) edges.push(level1 - tol);
  if (level2 !== null && (level1 === null || level2 > level1 + tol)) edges.push(level2 - tol);
  return edges;
}

function labelColumn(w: Word, edges: readonly number[]): number {
  const label = normaliseLabel(w.text);
  let column = 0;
  for (let i = 0; i < edges.length; i++) if (w.left >= (edges[i] ?? 0)) column = i;
  // A numbered label belongs no deeper than its level, even when centred in a wide merged cell.
  if (/^[一二三四五六七八九十]+\./.test(label)) return 0;
  if (/^\([一二三四五六七八九十]+\)/.test(label)) return Math.min(column, 1);
  return column;
}
