import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../domain/formats/index.ts';
import { normaliseLabel } from '../../domain/labels.ts';
import { tablesAsNumbers } from '../../domain/report.ts';
import { createPdfRenderer, type PdfRenderer } from '../../render/pdf.ts';
import { UnreadableInput, type ExtractedDocument, type Line } from '../document.ts';
import { extractPdf } from '../pdf.ts';
import { readReport } from '../read-report.ts';
import { expectedValues, reportHtml, type LayoutOptions } from './test-layouts.ts';
import { stripesPng } from './test-pdf-writer.ts';

/**
 * PDFs printed by Chromium from HTML laid out like real reports: group labels one character per line down a
 * narrow merged cell, long labels wrapped over two or three lines, a page break inside table 三, a row printed
 * with every value blank, a row with only 自然人 and 总计 filled.
 */
let renderer: PdfRenderer;
beforeAll(() => {
  renderer = createPdfRenderer();
});
afterAll(async () => {
  await renderer.close();
});

const rowsOf = (doc: ExtractedDocument, tableIndex: number) =>
  doc.lines.filter((l): l is Extract<Line, { kind: 'row' }> => l.kind === 'row' && l.tableIndex === tableIndex);

const base: Omit<LayoutOptions, 'format' | 'proseBefore'> = {
  groupWidthEm: 1.2,
  itemWidthEm: 6,
  align: 'center',
  blankRows: ['notHandled.publication'],
  sparseRows: ['withheld.thirdParty'],
};

const cases: { name: string; options: LayoutOptions; splitGroup: string }[] = [
  { name: '2021, page break inside （四）无法提供', options: { ...base, format: '2021', proseBefore: 28 }, splitGroup: '(四)无法提供' },
  { name: '2021, page break inside （三）不予公开', options: { ...base, format: '2021', proseBefore: 32 }, splitGroup: '(三)不予公开' },
  {
    name: '2019, wide group cells, values right-aligned',
    options: { ...base, format: '2019', proseBefore: 33, groupWidthEm: 3, itemWidthEm: 14, align: 'right' },
    splitGroup: '(四)无法提供',
  },
  {
    name: '2021, numbers on the first line of wrapped labels, first row of a group blank',
    options: { ...base, format: '2021', proseBefore: 28, valign: 'top', labelAlign: 'center', blankRows: ['withheld.stateSecret', 'other.feeUnpaid'] },
    splitGroup: '(四)无法提供',
  },
  {
    name: '2021, numbers on the last line of wrapped labels',
    options: { ...base, format: '2021', proseBefore: 32, valign: 'bottom', itemWidthEm: 8, groupWidthEm: 2 },
    splitGroup: '(三)不予公开',
  },
];

describe.each(cases)('a Chromium-printed report: $name', ({ options, splitGroup }) => {
  let doc: ExtractedDocument;
  const format = FORMATS[options.format];
  const t3 = format.tables.applications;
  beforeAll(async () => {
    doc = await extractPdf(await renderer.renderHtml(reportHtml(options)));
  });

  it('rebuilds every table 三 row as an aligned row: label cells first, the 7 values last', () => {
    const rows = rowsOf(doc, 1).slice(1);
    expect(rows.map((r) => r.cells.slice(-7))).toEqual(t3.rows.map((row) => expectedValues(t3.rows, row, options)));
    expect(rows.every((r) => r.aligned && r.cells.length === 10)).toBe(true);
  });

  it('puts each row label in its own cell and each group label, assembled by position, on its first row', () => {
    const rows = rowsOf(doc, 1).slice(1);
    const labels = rows.map((r) => r.cells.slice(0, 3).map(normaliseLabel));
    const own = labels.map((l) => l.filter(Boolean).at(-1));
    expect(own).toEqual(t3.rows.map((r) => normaliseLabel(r.marker + r.label)));
    const first = (id: string) => t3.rows.findIndex((r) => r.group === id);
    expect(labels[first('results')]?.[0]).toBe('三.本年度办理结果');
    for (const g of t3.groups.filter((g) => g.id !== 'results')) {
      const members = t3.rows.map((r, i) => (r.group === g.id ? i : -1)).filter((i) => i >= 0);
      expect(labels[members[0] ?? -1]?.[1]).toBe(normaliseLabel(g.marker + g.label));
      for (const i of members.slice(1)) expect(labels[i]?.[1]).toBe('');
    }
  });

  it('reads the group split by the page break whole', () => {
    const rows = rowsOf(doc, 1);
    const start = rows.findIndex((r) => r.cells.some((c) => normaliseLabel(c) === normaliseLabel(splitGroup)));
    expect(start).toBeGreaterThan(0);
    const group = t3.groups.find((g) => normaliseLabel(g.marker + g.label) === normaliseLabel(splitGroup));
    const size = t3.rows.filter((r) => r.group === group?.id).length;
    const pages = new Set(rows.slice(start, start + size).map((r) => r.page));
    expect(pages.size).toBe(2);
  });

  it('reads tables 二 and 四 by column position', () => {
    expect(rowsOf(doc, 0).map((r) => r.cells)).toEqual([
      ['第二十条第(一)项', '', '', ''],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '1', '2', '3'],
      ['行政规范性文件', '4', '', '6'],
      ['第二十条第(五)项', ''],
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '7'],
    ]);
    const remedies = rowsOf(doc, 2);
    expect(remedies.at(-1)?.cells).toEqual(Array.from({ length: 15 }, (_, i) => String(100 + i)));
    expect(remedies.at(-2)?.cells.slice(0, 5)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
  });

  it('reads end to end through readReport into the cells it printed', () => {
    const report = readReport(doc);
    expect(report.format).toBe(options.format);
    const numbers = tablesAsNumbers(report).applications;
    for (const row of t3.rows) {
      const printed = expectedValues(t3.rows, row, options).map((v) => (v === '' ? null : Number(v)));
      expect(Object.values(numbers[row.id] ?? {}), row.id).toEqual(printed);
    }
    expect(tablesAsNumbers(report).remedies.litigationAfterReconsideration).toEqual({ upheld: 110, corrected: 111, other: 112, pending: 113, total: 114 });
  });
});

describe('a scanned report (pages that are only images)', () => {
  it('is refused as unreadable.scanned with a message that asks for OCR', async () => {
    const png = stripesPng().toString('base64');
    const scan = await renderer.renderHtml(`<html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,${png}"></body></html>`);
    const error = await extractPdf(scan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableInput);
    expect((error as UnreadableInput).code).toBe('unreadable.scanned');
    expect((error as UnreadableInput).message).toMatch(/文本层/);
    expect((error as UnreadableInput).message).toMatch(/扫描/);
    expect((error as UnreadableInput).message).toMatch(/OCR/);
  });
});
