/**
 * An issued letter as a file: DOCX, or PDF printed by Chromium. One PDF renderer serves the whole process: started
 * on the first PDF asked for (Chromium takes a second or two), closed by closeLetterPdfRenderer (the web server
 * calls it when it closes); a PDF asked for after that starts a new one.
 */
import { createPdfRenderer, type PdfRenderer } from '../../annual-report/render/pdf.ts';
import { renderLetterDocx } from './letter-docx.ts';
import { renderLetterHtml } from './letter-html.ts';

export const LETTER_FILE_TYPES = {
  docx: { extension: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { extension: 'pdf', mediaType: 'application/pdf' },
} as const;
export type LetterFileType = keyof typeof LETTER_FILE_TYPES;

export function isLetterFileType(value: string): value is LetterFileType {
  return value === 'docx' || value === 'pdf';
}

let pdfRenderer: PdfRenderer | null = null;

export async function renderLetterFile(letter: { readonly title: string; readonly body: string }, type: LetterFileType): Promise<Buffer> {
  if (type === 'docx') return renderLetterDocx(letter);
  pdfRenderer ??= createPdfRenderer();
  return pdfRenderer.renderHtml(renderLetterHtml(letter));
}

export async function closeLetterPdfRenderer(): Promise<void> {
  const running = pdfRenderer;
  pdfRenderer = null;
  await running?.close();
}

/** 补正申请告知书-ABCD2345EFGH.pdf: what the applicant sees as the file's name. */
export function letterFileName(letter: { readonly title: string; readonly trackingCode: string }, type: LetterFileType): string {
  return `${letter.title}-${letter.trackingCode}.${LETTER_FILE_TYPES[type].extension}`;
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII `filename` for old clients and the real name as RFC 5987
 * UTF-8 `filename*` (percent-encoded, including the characters RFC 5987 leaves out of attr-char).
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
