import type ExcelJS from 'exceljs';
import { normaliseText } from '../domain/labels.ts';
import { UnreadableInput, type ExtractedDocument, type Line } from './document.ts';

const MAX_CELLS = 200_000;
const SECTION_HEADING = /^([一二三四五六])、/;

interface Sheet {
  readonly name: string;
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly index: number;
}

/**
 * A workbook as agencies (and gongkai) export a report. Merged cells are expanded so every row of a sheet has the
 * same width (a covered slot is ''). Workbooks keep prose and tables on separate sheets; the lines are put back in
 * document order: the title, then each section's heading and prose followed by the table sheet named after it
 * (二、主动公开政府信息情况…), then any other sheet under its own name.
 */
export async function extractXlsx(bytes: Buffer): Promise<ExtractedDocument> {
  const { default: Excel } = await import('exceljs'); // on first use (start-up time)
  const book: ExcelJS.Workbook = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableInput('unreadable.corrupt', `Excel 文件已损坏或无法读取：${(error as Error).message}`);
  }
  const sheets = readSheets(book, Excel.ValueType.Merge);
  const lines: Line[] = [];
  const used = new Set<number>();

  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      if (row[0] === '标题' && row[1]) {
        lines.push({ kind: 'text', text: row[1] });
        used.add(sheet.index);
      }
    }
  }
  for (const sheet of sheets) {
    const sections = sheet.rows.filter((r) => SECTION_HEADING.test(r[0] ?? '') && r.filter(Boolean).length <= 2);
    if (sections.length < 3) continue;
    used.add(sheet.index);
    for (const [heading, text = ''] of sections) {
      lines.push({ kind: 'text', text: heading! });
      for (const paragraph of text.split('\n')) if (paragraph.trim()) lines.push({ kind: 'text', text: paragraph.trim() });
      const numeral = SECTION_HEADING.exec(heading!)![1];
      for (const table of sheets.filter((s) => !used.has(s.index) && s.name.startsWith(`${numeral}、`))) {
        used.add(table.index);
        lines.push(...rowLines(table));
      }
    }
  }
  for (const sheet of sheets.filter((s) => !used.has(s.index))) {
    lines.push({ kind: 'text', text: sheet.name }, ...rowLines(sheet));
  }
  return { kind: 'xlsx', lines, notes: [] };
}

function readSheets(book: ExcelJS.Workbook, merge: ExcelJS.ValueType): Sheet[] {
  let cells = 0;
  return book.worksheets.map((sheet, index) => {
    const width = sheet.columnCount;
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      cells += width;
      if (cells > MAX_CELLS) throw new UnreadableInput('unreadable.tooLarge', `Excel 文件单元格过多（超过 ${MAX_CELLS} 个）`);
      const texts: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        texts.push(cell.type === merge ? '' : normaliseText(cellText(cell)).trim());
      }
      if (texts.some((t) => t !== '')) rows.push(texts);
    });
    return { name: normaliseText(sheet.name), rows, index };
  });
}

function rowLines(sheet: Sheet): Line[] {
  return sheet.rows.map((cells) => {
    const filled = cells.filter((t) => t !== '');
    return filled.length === 1 && cells[0] !== ''
      ? { kind: 'text' as const, text: filled[0]! }
      : { kind: 'row' as const, cells, aligned: true, tableIndex: sheet.index };
  });
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return value.result === undefined ? '' : String(value.result);
  return cell.text ?? String(value);
}
