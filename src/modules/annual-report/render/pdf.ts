/**
 * The report as PDF: the HTML page printed on A4 by headless Debian Chromium through playwright-core. Chinese
 * glyphs come from the system fonts (fonts-noto-cjk); nothing is fetched. One browser serves a whole batch:
 * create a PdfRenderer, render many reports, close it.
 */
import type { Browser } from 'playwright-core';
import type { Report } from '../domain/report.ts';
import { renderReportHtml, type HtmlOptions } from './html.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface PdfRenderer {
  render(report: Report, options?: HtmlOptions): Promise<Buffer>;
  /** Prints a complete HTML page (self-contained) to A4 PDF. */
  renderHtml(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** A renderer that starts Chromium on first use and keeps it until close(). */
export function createPdfRenderer(executablePath = CHROMIUM_PATH): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  const launch = (): Promise<Browser> => {
    if (!browser) {
      // playwright-core takes seconds to load: only when a PDF is actually wanted.
      const starting = import('playwright-core')
        .then(({ chromium }) => chromium.launch({ executablePath, args: LAUNCH_ARGS }))
        .catch((error: unknown) => {
        browser = null;
        throw new Error(`无法启动 Chromium（${executablePath}）生成 PDF：${(error as Error).message}`);
      });
      browser = starting;
    }
    return browser;
  };

  async function renderHtml(html: string): Promise<Buffer> {
    const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      // The page's @page rule sets the 公文 margins; Chromium honours it when no margin is passed here.
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  }

  return {
    renderHtml,
    render: (report, options) => renderHtml(renderReportHtml(report, options)),
    async close() {
      const running = browser;
      browser = null;
      if (!running) return;
      const started = await running.catch(() => null);
      await started?.close();
    },
  };
}

/** One report to PDF with a browser of its own; for batches, use createPdfRenderer. */
export async function renderReportPdf(report: Report, options?: HtmlOptions): Promise<Buffer> {
  const renderer = createPdfRenderer();
  try {
    return await renderer.render(report, options);
  } finally {
    await renderer.close();
  }
}
