/**
 * The single table reader: ExtractedDocument (Lines from text, markdown, HTML, DOCX or PDF) → Report.
 *
 * What it assumes of Lines (extractors, please produce Lines that fit):
 * - Lines come in reading order. Prose is `text`, one line or one paragraph per Line; page numbers and site
 *   chrome may be dropped by the extractor but need not be.
 * - A table row is `row` with its cells left to right. With `aligned: true` the grid is known: merged cells are
 *   expanded, a spanned slot is '' and the text sits in the first slot. Table 三 and 四 values are then read from
 *   the row's last 7 / 15 cells, table 二 values from the cells right after the label (a block with fewer columns
 *   than the grid leaves its last cells empty; a value spanning three columns is the first of them).
 * - With `aligned: false` (tab text, pipe tables, PDF lines split on wide gaps) cells may be missing or doubled;
 *   the reader places values by the count of cells, the format's columns and the row identities, and notes it.
 * - Label cells are cells with Chinese text that is not a value; value cells are everything after the last label
 *   cell ("26158.97 万元", "增加 2 个", "/" and "" are values). Group labels (三、本年度办理结果, （三）不予公开…) may
 *   sit in their own cells, in the row label's cell, or be printed one piece per line as `text`.
 * - A wrapped label may come as several Lines (text or rows); the numbers may sit on its first, middle or last
 *   line, or on a Line of their own (a `row` of numbers only, or `text` such as "447 7 0 0 0 0 454").
 * - Section headings (一、总体情况 …) are `text` Lines (or a row with a single filled cell).
 * - Stray marks (■ 、 ·) are empty slots; a lone O / o / 〇 / l / I among values is an OCR'd digit (noted).
 * - Table 四 may come as one row, split over rows, or turned on its side (a result per row, a group per column).
 * - Table 二 is read in the format its own headers name; when that differs from table 三's, only the cells both
 *   formats share are kept and the rest is named in a note.
 * The reader never throws and stays bounded (lines over 2,000 characters and regions over 800 lines are not
 * read as tables): whatever it could not read is a note.
 */
import { BLANK, type Cell } from '../domain/cell.ts';
import { FORMATS, TABLE_IDS, type FormatId, type SectionId, type TableId } from '../domain/formats/index.ts';
import { normaliseLabel } from '../domain/labels.ts';
import { blankTable, emptyReport, type ExtractionNote, type Report, type Section, type TableCells } from '../domain/report.ts';
import type { ExtractedDocument, Line } from './document.ts';
import { readApplications } from './reader/applications.ts';
import { decideFormat } from './reader/format-detect.ts';
import { fragmentOf, type Fragment } from './reader/fragments.ts';
import { readProactive } from './reader/proactive.ts';
import { readRemedies } from './reader/remedies.ts';
import { describe, type RowTableResult } from './reader/row-table.ts';
import { findMeta, findSections, type SectionStart } from './report-meta.ts';

export function readReport(doc: ExtractedDocument): Report {
  try {
    return read(doc);
  } catch (error) {
    return emptyReport('2021', {
      missingTables: [...TABLE_IDS],
      notes: [
        ...doc.notes,
        { kind: 'unreadable', message: `读取报告时遇到无法处理的内容，未能读出表格（${error instanceof Error ? error.message : String(error)}）` },
      ],
    });
  }
}

/** The first words of each table, for finding it when its section heading is missing. */
const TABLE_START: Partial<Record<SectionId, RegExp>> = {
  proactive: /第二十条/,
  applications: /勾稽关系|申请人情况|本年新收/,
  remedies: /^行政复议|行政复议.{0,4}行政诉讼/,
};

/** Characters every table start holds (checked before the costlier normalisation). */
const TABLE_START_CHARS = /[条稽申收复]/;

function startsTable(id: SectionId, line: Line): boolean {
  const words = lineWords(line);
  return TABLE_START_CHARS.test(words) && (TABLE_START[id]?.test(normaliseLabel(words)) ?? false);
}

/** The first words of a line (enough to recognise a table's start; long lines are prose or garbage). */
function lineWords(line: Line): string {
  return (line.kind === 'text' ? line.text.slice(0, 300) : line.cells.join('').slice(0, 300));
}

/** A table 三 printed one word per line over many pages has a few hundred lines; more is not a table. */
const MAX_REGION_FRAGMENTS = 800;

const TABLE_SECTION: Record<TableId, SectionId> = { proactive: 'proactive', applications: 'applications', remedies: 'remedies' };

function read(doc: ExtractedDocument): Report {
  const lines = doc.lines;
  const sections = findSections(lines);
  const meta = findMeta(lines, sections[0]?.index ?? Math.min(lines.length, 40));
  const start = meta.titleIndex !== null ? meta.titleIndex + 1 : 0;
  const fragments = {} as Record<TableId, Fragment[]>;
  const regionNotes: ExtractionNote[] = [];
  for (const t of TABLE_IDS) {
    fragments[t] = regionFragments(lines, sections, TABLE_SECTION[t], start);
    if (fragments[t].length > MAX_REGION_FRAGMENTS) {
      regionNotes.push({ kind: 'ignored', table: t, message: `${TABLE_TITLES[t]}所在部分超过 ${MAX_REGION_FRAGMENTS} 行，远多于任何真实表格，只读前 ${MAX_REGION_FRAGMENTS} 行` });
      fragments[t] = fragments[t].slice(0, MAX_REGION_FRAGMENTS);
    }
  }

  const decision = decideFormat(fragments.applications, fragments.proactive, meta.year);
  const format = decision.format;
  // Table 二 is read in the format its own headers name; a report mixing formats keeps only the cells both share.
  const proactiveFormat = decision.proactive ?? format;
  const proactive = readProactive(fragments.proactive, proactiveFormat);
  const applications = readApplications(fragments.applications, format);
  const remedies = readRemedies(fragments.remedies, format);

  const crossNotes: ExtractionNote[] = [];
  const tables = {
    proactive: proactiveFormat === format ? fill(format, 'proactive', proactive) : fillAcross(format, proactiveFormat, proactive, crossNotes),
    applications: fill(format, 'applications', applications),
    remedies: remedies.cells,
  } as Record<TableId, TableCells>;
  const recognised: Record<TableId, boolean> = {
    proactive: proactive.recognised,
    applications: applications.recognised,
    remedies: remedies.recognised,
  };
  const missingTables = TABLE_IDS.filter((t) => !recognised[t]);
  const consumed = new Set([...proactive.consumed, ...applications.consumed, ...remedies.consumed]);
  const notes: ExtractionNote[] = [
    ...doc.notes,
    ...meta.notes,
    ...regionNotes,
    decision.note,
    ...proactive.notes,
    ...crossNotes,
    ...applications.notes,
    ...remedies.notes,
    ...missingTables.map((t) => ({ kind: 'unreadable' as const, table: t, message: `没有找到${TABLE_TITLES[t]}` })),
  ];
  return {
    agency: meta.agency,
    year: meta.year,
    format,
    title: meta.title,
    sections: sectionTexts(lines, sections, consumed),
    tables,
    missingTables,
    notes,
  };
}

const TABLE_TITLES: Record<TableId, string> = {
  proactive: '表二（主动公开政府信息情况）',
  applications: '表三（收到和处理政府信息公开申请情况）',
  remedies: '表四（政府信息公开行政复议、行政诉讼情况）',
};

/** The lines between a table's section heading and the next heading (or around where it should be, if missing). */
function regionFragments(lines: readonly Line[], sections: readonly SectionStart[], id: SectionId, floor: number): Fragment[] {
  const order = FORMATS['2021'].sections.map((s) => s.id);
  const rank = order.indexOf(id);
  const own = sections.find((s) => s.id === id);
  const before = [...sections].reverse().find((s) => order.indexOf(s.id) < rank);
  const after = sections.find((s) => order.indexOf(s.id) > rank);
  let from = own ? own.index + 1 : before ? before.index + 1 : floor;
  const to = after ? after.index : lines.length;
  if (!own) {
    // No heading: the table starts at its own first words, not inside the table before it.
    let at = from;
    while (at < to && !startsTable(id, lines[at]!)) at++;
    from = at;
  }
  const out: Fragment[] = [];
  for (let i = Math.max(from, floor); i < to && out.length <= MAX_REGION_FRAGMENTS; i++) {
    const f = fragmentOf(lines[i]!, i);
    if (f) out.push(f);
  }
  return out;
}

function fill(format: FormatId, table: TableId, result: RowTableResult): TableCells {
  const out = blankTable(format, table);
  for (const [rowId, reading] of result.readings) {
    const row = out[rowId];
    if (!row) continue;
    reading.row.columns.forEach((c, i) => {
      row[c] = reading.cells[i] ?? (BLANK as Cell);
    });
  }
  return out;
}

/**
 * Table 二 printed in the other format than table 三 (a 2022 report with the 2019 table 三): only cells with the same
 * row and column id in both formats (处理决定数量 of 行政许可, 行政处罚, 行政强制) carry over; the rest stay blank and
 * are named in a note, never poured into columns that mean something else.
 */
function fillAcross(format: FormatId, printed: FormatId, result: RowTableResult, notes: ExtractionNote[]): TableCells {
  const out = blankTable(format, 'proactive');
  const lost: string[] = [];
  for (const [rowId, reading] of result.readings) {
    const row = out[rowId];
    reading.row.columns.forEach((c, i) => {
      const cell = reading.cells[i] ?? BLANK;
      if (row && c in row) row[c] = cell;
      else if (cell.kind !== 'blank') lost.push(`${reading.row.label}“${FORMATS[printed].tables.proactive.columns.find((d) => d.id === c)?.label ?? c}”${describe([cell])}`);
    });
  }
  notes.push({
    kind: 'unreadable',
    table: 'proactive',
    message: `表二按 ${printed} 年格式印制，表三却按 ${format} 年格式：两种格式共有的栏目照录，${lost.length ? `其余栏目无对应位置、未计入（${lost.join('、')}）` : '其余栏目为空'}`,
  });
  return out;
}

const PARAGRAPH_END = /[。！？；：!?;:]$/;
const PARAGRAPH_START = /^([(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是]|\d+[.、．])/;

/**
 * A line of prose that a PDF (or text copied from one) broke at the page width continues the paragraph above it;
 * a new paragraph starts after a sentence end, at a numbered point, or after a short sub-heading.
 */
function continuesParagraph(previous: string, next: string): boolean {
  if (PARAGRAPH_END.test(previous) || PARAGRAPH_START.test(next)) return false;
  const subHeading = PARAGRAPH_START.test(previous) && previous.length <= 24 && !/[，。,]/.test(previous);
  return !subHeading;
}

function sectionTexts(
  lines: readonly Line[],
  sections: readonly SectionStart[],
  consumed: ReadonlySet<number>,
): Partial<Record<SectionId, Section>> {
  const out: Partial<Record<SectionId, Section>> = {};
  sections.forEach((s, k) => {
    const end = sections[k + 1]?.index ?? lines.length;
    const parts: string[] = s.rest ? [s.rest] : [];
    for (let i = s.index + 1; i < end; i++) {
      const line = lines[i]!;
      if (line.kind !== 'text' || consumed.has(i)) continue;
      const t = line.text.trim();
      if (!t) continue;
      // Inside table sections, stray label pieces are not prose.
      if (s.id !== 'overview' && s.id !== 'problems' && s.id !== 'other' && !/[，。；,;]/.test(t)) continue;
      const last = parts.length - 1;
      if (last >= 0 && continuesParagraph(parts[last]!, t)) parts[last] += t;
      else parts.push(t);
    }
    out[s.id] = { heading: s.heading, text: parts.join('\n') };
  });
  return out;
}

