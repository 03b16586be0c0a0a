import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseLabel } from '../domain/labels.ts';
import { tablesAsNumbers } from '../domain/report.ts';
import { UnreadableInput, type ExtractedDocument, type Line } from './document.ts';
import { extractPdf } from './pdf.ts';
import { minimalPdf } from './pdf/test-pdf-writer.ts';
import { readReport } from './read-report.ts';

const HUAIAN = new URL('../../../../../shared/fixtures/real/huaian-city-2024.pdf', import.meta.url);

type Row = Extract<Line, { kind: 'row' }>;
const rowsOf = (doc: ExtractedDocument, tableIndex: number) => doc.lines.filter((l): l is Row => l.kind === 'row' && l.tableIndex === tableIndex);

/** Table 三 as a person read it off the printed page (fixtures/real/README.md). */
const HUAIAN_FULL_ROWS: Record<string, number[]> = {
  received: [3001, 53, 0, 0, 61, 4, 3119],
  carriedIn: [34, 0, 0, 0, 0, 0, 34],
  disclosed: [1288, 21, 0, 0, 50, 3, 1362],
  partlyDisclosed: [447, 7, 0, 0, 0, 0, 454],
  'unavailable.notHeld': [746, 12, 0, 0, 10, 1, 769],
  'other.noSupplement': [67, 3, 0, 0, 1, 0, 71],
  'other.feeUnpaid': [6, 0, 0, 0, 0, 0, 6],
  'other.misc': [108, 2, 0, 0, 0, 0, 110],
  handledTotal: [2932, 53, 0, 0, 61, 4, 3050],
  carriedOut: [103, 0, 0, 0, 0, 0, 103],
};
/** Rows the README gives by their 总计 only. */
const HUAIAN_TOTALS: Record<string, number> = {
  'withheld.stateSecret': 2,
  'withheld.barredByLaw': 31,
  'withheld.securityStability': 5,
  'withheld.thirdParty': 6,
  'withheld.internalAffairs': 8,
  'withheld.processInfo': 12,
  'withheld.enforcementFiles': 9,
  'withheld.queryMatters': 105,
  'unavailable.needsCompiling': 11,
  'unavailable.unclearAfterSupplement': 1,
  'notHandled.petition': 62,
  'notHandled.repeat': 25,
  'notHandled.publication': 0,
  'notHandled.massRepeat': 0,
  'notHandled.confirmation': 1,
};

describe('extractPdf on a real WPS report (huaian-city-2024.pdf)', () => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await extractPdf(await readFile(HUAIAN));
  });

  it('reads table 三 through readReport exactly as the README lists it', () => {
    const report = readReport(doc);
    expect(report.format).toBe('2021');
    const t3 = tablesAsNumbers(report).applications;
    for (const [row, values] of Object.entries(HUAIAN_FULL_ROWS)) expect(Object.values(t3[row] ?? {}), row).toEqual(values);
    for (const [row, total] of Object.entries(HUAIAN_TOTALS)) expect(t3[row]?.total, row).toBe(total);
    // Every identity of the table holds, so no cell of the rows given by total alone was misplaced either.
    const columns = Object.keys(t3.received ?? {});
    const outcomes = Object.keys(t3).filter((id) => !['received', 'carriedIn', 'handledTotal', 'carriedOut'].includes(id));
    for (const c of columns) {
      expect(outcomes.reduce((sum, id) => sum + (t3[id]?.[c] ?? 0), 0), c).toBe(t3.handledTotal?.[c]);
    }
    for (const id of Object.keys(t3)) {
      const row = t3[id] ?? {};
      const parts = columns.filter((c) => c !== 'total').reduce((sum, c) => sum + (row[c] ?? 0), 0);
      expect(parts, id).toBe(row.total);
    }
  });

  it('reads tables 二 and 四 through readReport', () => {
    const numbers = tablesAsNumbers(readReport(doc));
    expect(numbers.proactive).toEqual({
      rules: { issued: 1, repealed: 0, inForce: 11 },
      normativeDocs: { issued: 8, repealed: 26, inForce: 66 },
      licensing: { decisions: 447228 },
      penalties: { decisions: 3985758 },
      compulsion: { decisions: 88283 },
      fees: { amountWan: 96171.6 },
    });
    expect(numbers.remedies).toEqual({
      reconsideration: { upheld: 72, corrected: 64, other: 178, pending: 37, total: 351 },
      litigationDirect: { upheld: 13, corrected: 4, other: 8, pending: 1, total: 26 },
      litigationAfterReconsideration: { upheld: 12, corrected: 1, other: 1, pending: 6, total: 20 },
    });
  });

  it('assembles 三、本年度办理结果, printed one character per line, into the first row of its span', () => {
    const rows = rowsOf(doc, 1);
    const disclosed = rows.find((r) => normaliseLabel(r.cells[1] ?? '') === '(一)予以公开');
    expect(disclosed?.cells.slice(0, 3)).toEqual(['三、本年度办理结果', '(一)予以公开', '']);
    // No label character leaked onto a data row of the group.
    const secret = rows.find((r) => r.cells[2] === '2.其他法律行政法规禁止公开');
    expect(secret?.cells.slice(0, 2)).toEqual(['', '']);
  });

  it('joins （四）无 | 法提供 across the page break, page number between', () => {
    const rows = rowsOf(doc, 1);
    const i = rows.findIndex((r) => r.cells[2] === '1.本机关不掌握相关政府信息');
    expect(rows[i]?.cells[1]).toBe('(四)无法提供');
    expect(rows[i]?.page).toBe(4);
    expect(rows[i + 1]?.cells.slice(1, 3)).toEqual(['', '2.没有现成信息需要另行制作']);
    expect(rows[i + 1]?.page).toBe(5);
  });

  it('keeps wrapped labels whole, with the numbers printed on their middle line', () => {
    const rows = rowsOf(doc, 1);
    expect(rows.map((r) => r.cells[2])).toContain('1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(rows.find((r) => r.cells[2] === '5.要求行政机关确认或重新出具已获取信息')?.cells.slice(3)).toEqual(['1', '0', '0', '0', '0', '0', '1']);
  });

  it('rebuilds table 三 as aligned rows of 3 label cells and 7 value cells', () => {
    const rows = rowsOf(doc, 1);
    expect(rows).toHaveLength(1 + 25);
    expect(rows.every((r) => r.aligned && r.cells.length === 10)).toBe(true);
    expect(rows[0]?.cells.slice(3)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  });

  it('drops page numbers and keeps prose as text lines', () => {
    const texts = doc.lines.filter((l): l is Extract<Line, { kind: 'text' }> => l.kind === 'text').map((l) => l.text);
    expect(texts.some((t) => /^\s*-\s*\d+\s*-\s*$/.test(t))).toBe(false);
    expect(texts).toContain('一、总体情况');
    expect(texts).toContain('六、其他需要报告的事项');
  });
});

describe('extractPdf on files it cannot read', () => {
  it('refuses a PDF whose pages carry no text as unreadable.scanned', async () => {
    const error = await extractPdf(minimalPdf([[], []])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableInput);
    expect((error as UnreadableInput).code).toBe('unreadable.scanned');
  });

  it('refuses an encrypted PDF as unreadable.corrupt, saying it needs a password', async () => {
    const encrypted = minimalPdf([[{ x: 72, y: 720, text: 'Annual report of the county government' }]], { encrypted: true });
    const error = await extractPdf(encrypted).catch((e: unknown) => e);
    expect((error as UnreadableInput).code).toBe('unreadable.corrupt');
    expect((error as UnreadableInput).message).toMatch(/加密/);
  });

  it('refuses a corrupt PDF as unreadable.corrupt', async () => {
    const error = await extractPdf(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableInput);
    expect((error as UnreadableInput).code).toBe('unreadable.corrupt');
  });

  it('reads a 2,000-page PDF only up to the page cap, and says so', async () => {
    const pages = Array.from({ length: 2000 }, (_, i) => [{ x: 72, y: 720, text: `Page ${i + 1} of a very long file` }]);
    const doc = await extractPdf(minimalPdf(pages), { maxPages: 50, maxMillis: 60_000 });
    expect(doc.lines).toHaveLength(50);
    expect(doc.notes.map((n) => n.message)).toEqual([expect.stringMatching(/共 2000 页.*上限 50 页/)]);
  });

  it('stops when the time budget is spent, and says so', async () => {
    const pages = Array.from({ length: 400 }, (_, i) => [{ x: 72, y: 720, text: `Page ${i + 1} of a long annual report` }]);
    const doc = await extractPdf(minimalPdf(pages), { maxPages: 1000, maxMillis: 0 });
    expect(doc.lines.length).toBeLessThan(400);
    expect(doc.notes[0]?.message).toMatch(/超时/);
  });

  it('never fails with anything but UnreadableInput on damaged copies of a real report', async () => {
    const original = await readFile(HUAIAN);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const outcomes = new Set<string>();
    for (let k = 0; k < 24; k++) {
      const copy = Buffer.from(original);
      let input = copy;
      if (k % 3 === 0) input = copy.subarray(0, Math.floor(random() * copy.length));
      else if (k % 3 === 1) for (let i = 0; i < 50; i++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      else copy.fill(0, Math.floor(random() * copy.length), Math.floor(random() * copy.length) + 5000);
      const outcome = await extractPdf(input).then(
        (doc) => (Array.isArray(doc.lines) ? 'read' : 'broken'),
        (error: unknown) => (error instanceof UnreadableInput ? error.code : `threw ${String(error)}`),
      );
      outcomes.add(outcome);
    }
    expect([...outcomes].filter((o) => !['read', 'unreadable.corrupt', 'unreadable.scanned'].includes(o))).toEqual([]);
  });
});
