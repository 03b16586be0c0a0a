import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printCell } from '../../domain/cell.ts';
import { FORMATS } from '../../domain/formats/index.ts';
import { getCell, tablesAsNumbers } from '../../domain/report.ts';
import { createPdfRenderer, type PdfRenderer } from '../../render/pdf.ts';
import { sampleReport } from '../../render/render-test-support.ts';
import type { Line } from '../document.ts';
import { extractPdf } from '../pdf.ts';
import { readReport } from '../read-report.ts';

/** gongkai's own PDF (render/pdf.ts) read back: the report that went out comes back. */
let renderer: PdfRenderer;
beforeAll(() => {
  renderer = createPdfRenderer();
});
afterAll(async () => {
  await renderer.close();
});

describe.each(['2021', '2019'] as const)('a %s-format report rendered to PDF by gongkai', (format) => {
  const report = sampleReport(format);
  let lines: readonly Line[] = [];
  beforeAll(async () => {
    lines = (await extractPdf(await renderer.render(report))).lines;
  });

  it('comes back as table 三 rows holding every printed cell (blank, dash, text and numbers) in its column', () => {
    const t3 = FORMATS[format].tables.applications;
    const rows = lines.filter((l): l is Extract<Line, { kind: 'row' }> => l.kind === 'row' && l.tableIndex === 1).slice(1);
    expect(rows.map((r) => r.cells.slice(-7))).toEqual(
      t3.rows.map((row) => row.columns.map((c) => printCell(getCell(report, 'applications', row.id, c)))),
    );
  });

  it('reads back through readReport to the same numbers in every table', () => {
    const back = tablesAsNumbers(readReport({ kind: 'pdf', lines, notes: [] }));
    const sent = tablesAsNumbers(report);
    expect(back).toEqual(sent);
  });
});
