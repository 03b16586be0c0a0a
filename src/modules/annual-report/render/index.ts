/**
 * Report → HTML, DOCX, XLSX, PDF, JSON or plain text. Every output draws the tables from the same official
 * layout (layout.ts), so they print the same cells in the same places.
 */
import type { Finding } from '../domain/finding.ts';
import type { Report } from '../domain/report.ts';
import { renderReportHtml } from './html.ts';
import { renderReportJson } from './json.ts';
import { createPdfRenderer, type PdfRenderer } from './pdf.ts';
import { renderReportText } from './text.ts';

export type RenderTarget = 'html' | 'docx' | 'xlsx' | 'pdf' | 'json' | 'text';
export const RENDER_TARGETS: readonly RenderTarget[] = ['html', 'docx', 'xlsx', 'pdf', 'json', 'text'];

export interface RenderOptions {
  /** HTML and PDF: cells named by these findings are highlighted. */
  readonly findings?: readonly Finding[];
  /** PDF: a renderer whose browser is reused across a batch (the caller closes it). */
  readonly pdf?: PdfRenderer;
}

/** File extension and media type of each output. */
export const RENDER_FILE_TYPES: Readonly<Record<RenderTarget, { readonly extension: string; readonly mediaType: string }>> = {
  html: { extension: 'html', mediaType: 'text/html; charset=utf-8' },
  docx: { extension: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { extension: 'xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pdf: { extension: 'pdf', mediaType: 'application/pdf' },
  json: { extension: 'json', mediaType: 'application/json; charset=utf-8' },
  text: { extension: 'txt', mediaType: 'text/plain; charset=utf-8' },
};

/** The browser shared by PDF calls that bring no renderer of their own; started on first use. */
let shared: PdfRenderer | null = null;

/**
 * Closes the browser that renderReport(…, 'pdf') started, if any. Call it when a batch is done: an open browser
 * keeps the process alive.
 */
export async function closeRenderer(): Promise<void> {
  const running = shared;
  shared = null;
  await running?.close();
}

/**
 * Renders a report to one output. PDF uses options.pdf when given, otherwise one shared browser that stays open
 * for later calls until closeRenderer().
 */
export async function renderReport(report: Report, to: RenderTarget, options: RenderOptions = {}): Promise<Buffer> {
  const html = { ...(options.findings ? { findings: options.findings } : {}) };
  switch (to) {
    case 'html':
      return Buffer.from(renderReportHtml(report, html), 'utf8');
    // The DOCX and XLSX libraries load on first use (exceljs alone costs seconds of start-up).
    case 'docx':
      return (await import('./docx.ts')).renderReportDocx(report);
    case 'xlsx':
      return (await import('./xlsx.ts')).renderReportXlsx(report);
    case 'pdf':
      return (options.pdf ?? (shared ??= createPdfRenderer())).render(report, html);
    case 'json':
      return Buffer.from(renderReportJson(report), 'utf8');
    case 'text':
      return Buffer.from(renderReportText(report), 'utf8');
  }
}

export { createPdfRenderer, renderReportPdf, type PdfRenderer } from './pdf.ts';
export { parseReportJson, reportToJson, ReportJsonError, REPORT_JSON_SCHEMA, type ReportJson } from './json.ts';
export { renderReportHtml, reportBodyHtml, REPORT_CSS, type HtmlOptions } from './html.ts';
export { tableLayout, placeCells, FORM_TEXT, type TableLayout, type LayoutCell, type LayoutRow } from './layout.ts';
