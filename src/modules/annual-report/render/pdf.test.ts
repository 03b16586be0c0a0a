import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMATS, TABLE_IDS, type FormatId } from '../domain/formats/index.ts';
import { normaliseText } from '../domain/labels.ts';
import { CHROMIUM_PATH, createPdfRenderer } from './pdf.ts';
import { printed, sampleReport } from './render-test-support.ts';

const canRun = existsSync(CHROMIUM_PATH) && existsSync('/usr/bin/pdftotext');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-'));
const renderer = createPdfRenderer();

afterAll(async () => {
  await renderer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** pdftotext's text with the CJK radicals Chromium's PDFs carry mapped back, and no spaces or line breaks. */
function pdfText(pdf: Buffer, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return normaliseText(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

// Chromium and poppler are installed by scripts/ensure-system-deps.sh; missing, these tests fail rather than skip.
it('has Chromium and pdftotext to print and read PDFs', () => {
  expect(canRun).toBe(true);
});

describe.each<FormatId>(['2019', '2021'])('PDF of a %s-format report', (format) => {
  const report = sampleReport(format);
  const rendered = renderer.render(report);

  it('is an A4 PDF', async () => {
    const pdf = await rendered;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
  });

  it('carries the title, the headings and the form labels as text', async () => {
    const text = pdfText(await rendered, `labels-${format}`).replace(/\s+/g, '');
    const expectText = (label: string) => expect(text).toContain(normaliseText(label));
    expectText(`某市生态环境局${report.year}年政府信息公开工作年度报告`);
    for (const s of FORMATS[format].sections) expectText(`${s.numeral}、${s.heading}`);
    for (const label of ['申请人情况', '法人或其他组织', '本年新收政府信息公开申请数量', '属于国家秘密', '未经复议直接起诉', '复议后起诉', '第二十条第（一）项']) {
      expectText(label);
    }
  });

  it('carries every number of the tables', async () => {
    const words = new Set(pdfText(await rendered, `numbers-${format}`).split(/\s+/));
    const missing: string[] = [];
    for (const table of TABLE_IDS) {
      for (const row of FORMATS[format].tables[table].rows) {
        for (const column of row.columns) {
          const value = printed(report, table, row.id, column);
          if (/^[+-]?\d+(\.\d+)?$/.test(value) && !words.has(value)) missing.push(`${table}.${row.id}.${column}=${value}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('PDF renderer', () => {
  it('serves several reports from one browser', async () => {
    const a = await renderer.render(sampleReport('2021', { agency: '甲县人民政府' }));
    const b = await renderer.render(sampleReport('2021', { agency: '乙县人民政府' }));
    expect(pdfText(a, 'a').replace(/\s+/g, '')).toContain('甲县人民政府');
    expect(pdfText(b, 'b').replace(/\s+/g, '')).toContain('乙县人民政府');
  });

  it('reports a browser that cannot start with a clear message', async () => {
    const broken = createPdfRenderer('/nonexistent/chromium');
    await expect(broken.render(sampleReport('2021'))).rejects.toThrow(/无法启动 Chromium/);
    await broken.close();
  });
});
