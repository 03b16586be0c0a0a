import type { Report } from '../domain/report.ts';
import { detectSourceKind, isOleDocument } from './detect.ts';
import { UnreadableInput, type ExtractedDocument, type SourceKind } from './document.ts';
import { decodeText } from './charset.ts';

export { UnreadableInput } from './document.ts';
export type { SourceKind } from './document.ts';

/** Larger than any real annual report (a few MB at most); bigger inputs are refused before parsing. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export interface IngestResult {
  readonly report: Report;
  readonly kind: SourceKind;
}

// Extractors load on first use: PDFium, exceljs and the HTML parser cost seconds of start-up for commands and
// pages that never read a file of that kind.
/**
 * A published report file in, a Report out. The kind is detected from the content, not only the file name.
 * Throws only UnreadableInput (with a Chinese message) for a file that cannot be read at all.
 */
export async function ingestReport(bytes: Uint8Array, filename = ''): Promise<IngestResult> {
  if (bytes.length === 0) throw new UnreadableInput('unreadable.empty', '文件为空');
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new UnreadableInput('unreadable.tooLarge', `文件过大（${Math.round(bytes.length / 1048576)} MB），上限为 50 MB`);
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kind = detectSourceKind(buffer, filename);
  if (kind === null) {
    throw new UnreadableInput(
      'unreadable.format',
      isOleDocument(buffer)
        ? '这是旧版 Word（.doc）文件，无法读取；请另存为 .docx 或 PDF 后再检查'
        : '无法识别的文件格式；支持 PDF、DOCX、HTML、纯文本、Markdown 和 gongkai JSON',
    );
  }
  if (kind === 'json') {
    try {
      const { parseReportJson } = await import('../render/json.ts');
      return { report: parseReportJson(decodeText(buffer)), kind };
    } catch (error) {
      throw new UnreadableInput('unreadable.corrupt', `JSON 报告无法读取：${(error as Error).message}`);
    }
  }
  const doc = await extract(kind, buffer);
  const { readReport } = await import('./read-report.ts');
  return { report: readReport(doc), kind };
}

async function extract(kind: Exclude<SourceKind, 'json'>, buffer: Buffer): Promise<ExtractedDocument> {
  switch (kind) {
    case 'pdf':
      return (await import('./pdf.ts')).extractPdf(buffer);
    case 'docx':
      return (await import('./docx.ts')).extractDocx(buffer);
    case 'xlsx':
      return (await import('./xlsx.ts')).extractXlsx(buffer);
    case 'html':
      return (await import('./html.ts')).extractHtml(buffer);
    case 'markdown':
      return (await import('./markdown.ts')).extractMarkdown(decodeText(buffer));
    case 'text':
      return (await import('./text.ts')).extractText(decodeText(buffer));
  }
}
