import type { ExtractionNote } from '../domain/report.ts';
import { UnreadableInput, type ExtractedDocument, type Line } from './document.ts';
import { isApplicationsHeader, readApplicationsTable, type TableRead } from './pdf/applications-table.ts';
import { dropFurniture } from './pdf/furniture.ts';
import { buildLines, lineText, type TextLine } from './pdf/lines.ts';
import { isProactiveBlockHeading, readProactiveBlocks } from './pdf/proactive-table.ts';
import { readPdfText, type ReadLimits } from './pdf/pdfium.ts';
import { isRemediesHeader, readRemediesTable } from './pdf/remedies-table.ts';

/** An annual report is 5-20 pages; far more is not a report, and reading it all would hold the server. */
export const PDF_LIMITS: ReadLimits = { maxPages: 200, maxMillis: 15_000 };

/** Fewer printed characters than this in the whole file means there is no usable text layer. */
const MIN_TEXT_CHARS = 20;

/**
 * A published PDF report in, its lines out: prose lines as text, the three tables rebuilt from character positions
 * as aligned rows (label cells first, then one cell per value column). Throws UnreadableInput for a scan without a
 * text layer, or an encrypted or corrupt file.
 */
export async function extractPdf(bytes: Buffer, limits: ReadLimits = PDF_LIMITS): Promise<ExtractedDocument> {
  const text = await readPdfText(bytes, limits);
  const notes: ExtractionNote[] = [];
  const printed = text.pages.reduce((n, p) => n + p.chars.filter((c) => c.ch.trim() !== '').length, 0);
  if (printed < MIN_TEXT_CHARS) {
    if (text.pageCount === 0) throw new UnreadableInput('unreadable.corrupt', 'PDF 文件没有任何页面，无法读取');
    throw new UnreadableInput(
      'unreadable.scanned',
      'PDF 没有文本层（可能是扫描件或图片），无法读取其中的文字；请先进行 OCR 文字识别，或提供含文字的 PDF、DOCX 或网页版本',
    );
  }
  if (text.truncated) {
    notes.push({
      kind: 'ignored',
      message:
        text.truncated === 'pages'
          ? `PDF 共 ${text.pageCount} 页，超过上限 ${limits.maxPages} 页，只读取了前 ${text.pages.length} 页`
          : `PDF 读取超时（${Math.round(limits.maxMillis / 1000)} 秒），共 ${text.pageCount} 页，只读取了前 ${text.pages.length} 页`,
    });
  }
  const { lines } = dropFurniture(text.pages.map((p) => ({ lines: buildLines(p), height: p.height })));
  return { kind: 'pdf', lines: toDocumentLines(lines, notes), notes };
}

/** Walks the lines in reading order, rebuilding each table where its header starts. */
function toDocumentLines(lines: readonly TextLine[], notes: ExtractionNote[]): Line[] {
  const out: Line[] = [];
  let tableIndex = 0;
  let i = 0;
  /** Index of the first line after the last table: lines before it were not written as text. */
  let afterTable = 0;
  while (i < lines.length) {
    let table: TableRead | null = null;
    try {
      if (isApplicationsHeader(lines, i)) table = readApplicationsTable(lines, i, tableIndex);
      else if (isRemediesHeader(lines, i)) table = readRemediesTable(lines, i, tableIndex);
      else if (isProactiveBlockHeading(lines, i)) table = readProactiveBlocks(lines, i, tableIndex);
    } catch (error) {
      // A layout no rule foresaw: keep its lines as text (the reader can still try) rather than lose the file.
      notes.push({ kind: 'unreadable', message: `第 ${lines[i]?.page ?? '?'} 页的表格未能按版面重建，按文字行读取（${(error as Error).message}）` });
    }
    if (table && table.end > i) {
      // Header lines already written as text before the table was recognised are replaced by the table.
      const start = Math.max(table.start ?? i, afterTable);
      if (start < i) out.splice(out.length - (i - start));
      out.push(...table.rows);
      notes.push(...table.notes);
      tableIndex++;
      i = afterTable = table.end;
      continue;
    }
    const line = lines[i] as TextLine;
    out.push({ kind: 'text', text: lineText(line), page: line.page });
    i++;
  }
  return out;
}
