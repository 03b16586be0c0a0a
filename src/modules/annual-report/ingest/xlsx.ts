import ExcelJS from 'exceljs';
import { normaliseText } from '../domain/labels.ts';
import { UnreadableInput, type ExtractedDocument, type Line } from './document.ts';

const MAX_CELLS = 200_000;

/**
 * A workbook as agencies (and gongkai) export a report: each sheet's rows in order. Merged cells are expanded
 * so every row of a sheet has the same width (a covered slot is ''); a row with one filled cell is prose.
 */
export async function extractXlsx(bytes: Buffer): Promise<ExtractedDocument> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableInput('unreadable.corrupt', `Excel 文件已损坏或无法读取：${(error as Error).message}`);
  }
  const lines: Line[] = [];
  let cells = 0;
  book.worksheets.forEach((sheet, tableIndex) => {
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const texts: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        texts.push(cell.type === ExcelJS.ValueType.Merge ? '' : normaliseText(cellText(cell)).trim());
      }
      cells += width;
      if (cells > MAX_CELLS) throw new UnreadableInput('unreadable.tooLarge', `Excel 文件单元格过多（超过 ${MAX_CELLS} 个）`);
      const filled = texts.filter((t) => t !== '');
      if (filled.length === 0) return;
      if (filled.length === 1 && texts[0] !== '') lines.push({ kind: 'text', text: filled[0]! });
      else lines.push({ kind: 'row', cells: texts, aligned: true, tableIndex });
    });
  });
  return { kind: 'xlsx', lines, notes: [] };
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return value.result === undefined ? '' : String(value.result);
  return cell.text ?? String(value);
}
