import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { FORMATS, type FormatId, type TableId } from '../domain/formats/index.ts';
import { renderReportDocx } from './docx.ts';
import { misplacedCells, sampleReport, type Grid } from './render-test-support.ts';

async function documentXml(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml');
  return file.async('string');
}

/** Throws on XML that is not well-formed (what Word and WPS refuse to open). */
function assertWellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

/** A w:tbl as a grid: gridSpan repeats a cell across, vMerge continue takes the text of the cell above. */
function tableGrids(xml: string): Grid[] {
  const $ = cheerio.load(xml, { xml: true });
  return $('w\\:body > w\\:tbl')
    .toArray()
    .map((tbl) => {
      const grid: Grid = [];
      $(tbl)
        .children('w\\:tr')
        .toArray()
        .forEach((tr, r) => {
          const row: string[] = [];
          for (const tc of $(tr).children('w\\:tc').toArray()) {
            const span = Number($(tc).find('w\\:tcPr > w\\:gridSpan').attr('w:val') ?? 1);
            const vMerge = $(tc).find('w\\:tcPr > w\\:vMerge');
            const continued = vMerge.length > 0 && vMerge.attr('w:val') !== 'restart';
            const c = row.length;
            const text = continued ? (grid[r - 1]?.[c] ?? '') : $(tc).find('w\\:t').text();
            for (let i = 0; i < span; i++) row.push(text);
          }
          grid.push(row);
        });
      return grid;
    });
}

describe.each<FormatId>(['2019', '2021'])('DOCX of a %s-format report', (format) => {
  const report = sampleReport(format);
  const rendered = renderReportDocx(report);

  it('is a ZIP whose document.xml is well-formed', async () => {
    const docx = await rendered;
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(() => assertWellFormed('<w:p><w:r></w:p>')).toThrow();
    const xml = await documentXml(docx);
    expect(() => assertWellFormed(xml)).not.toThrow();
  });

  it('is A4 with the margins agencies use', async () => {
    const xml = await documentXml(await rendered);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)![1]);
    // 1 cm = 567 twips: top 3.7 cm, bottom 3.5 cm, left 2.8 cm, right 2.6 cm
    expect([attr('top'), attr('bottom'), attr('left'), attr('right')].map((t) => Math.round(t / 56.7) / 10)).toEqual([3.7, 3.5, 2.8, 2.6]);
  });

  it('sets the East-Asian fonts and sizes of title, headings and body', async () => {
    const xml = await documentXml(await rendered);
    const runOf = (text: string) => {
      const at = xml.indexOf(`>${text}</w:t>`);
      return xml.slice(xml.lastIndexOf('<w:r>', at), at);
    };
    expect(runOf(`某市生态环境局${report.year}年政府信息公开工作年度报告`)).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/);
    expect(runOf('一、总体情况')).toMatch(/w:eastAsia="黑体"[\s\S]*<w:sz w:val="32"\/>/);
    expect(runOf('主动公开信息 215 条。')).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
    expect(runOf('申请人情况')).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="18"\/>/);
  });

  it('draws three bordered tables with merged cells (gridSpan, vMerge)', async () => {
    const xml = await documentXml(await rendered);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(xml).toMatch(/<w:tblBorders>[\s\S]*?<w:insideV w:val="single"/);
    const corner = xml.indexOf('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    const cornerTc = xml.slice(xml.lastIndexOf('<w:tc>', corner), corner);
    expect(cornerTc).toContain('<w:gridSpan w:val="3"/>');
    expect(cornerTc).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge w:val="continue"/>');
    expect(xml).toContain('<w:tblHeader/>');
  });

  it.each<[TableId, number]>([
    ['proactive', 0],
    ['applications', 1],
    ['remedies', 2],
  ])('has every cell of table %s under its row label and column header', async (table, index) => {
    const grids = tableGrids(await documentXml(await rendered));
    expect(misplacedCells(grids[index]!, report, table)).toEqual([]);
  });

  it('prints the section headings in order', async () => {
    const xml = await documentXml(await rendered);
    const at = FORMATS[format].sections.map((s) => xml.indexOf(`>${s.numeral}、${s.heading}<`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

// LibreOffice is installed by scripts/ensure-system-deps.sh; the test fails, not skips, when it is missing.
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe('DOCX opened by LibreOffice', () => {
  it('converts to PDF with every label and value of table 三 on the page', async () => {
    expect(soffice, 'LibreOffice (Debian libreoffice-writer-nogui) is required').toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-docx-'));
    try {
      writeFileSync(join(dir, 'report.docx'), await renderReportDocx(sampleReport('2021')));
      execFileSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { timeout: 120_000 });
      expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 4).toString()).toBe('%PDF');
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      for (const label of ['本年新收政府信息公开申请数量', '予以公开', '属于国家秘密', '结转下年度继续办理', '复议后起诉']) {
        expect(text).toContain(label);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
