import { afterAll, describe, expect, it } from 'vitest';
import { checkReport } from '../../src/modules/annual-report/domain/checks/index.ts';
import type { Finding } from '../../src/modules/annual-report/domain/finding.ts';
import type { FormatId } from '../../src/modules/annual-report/domain/formats/index.ts';
import { tablesAsNumbers, type Report } from '../../src/modules/annual-report/domain/report.ts';
import { ingestReport } from '../../src/modules/annual-report/ingest/index.ts';
import { closeRenderer, renderReport, type RenderTarget } from '../../src/modules/annual-report/render/index.ts';
import { buildValidReport, withFault, type Fault } from '../factories/report-factory.ts';

afterAll(async () => closeRenderer());

/** What must survive a round trip: who, when, which format, every cell (value and blank/dash kind). */
function essence(report: Report) {
  const kinds = Object.fromEntries(
    Object.entries(report.tables).map(([t, rows]) => [
      t,
      Object.fromEntries(Object.entries(rows).map(([row, cells]) => [row, Object.fromEntries(Object.entries(cells).map(([c, cell]) => [c, cell.kind]))])),
    ]),
  );
  return { agency: report.agency, year: report.year, format: report.format, numbers: tablesAsNumbers(report), kinds };
}

const findingKeys = (fs: readonly Finding[]) => fs.map((f) => `${f.severity}:${f.code}:${f.cells.map((c) => `${c.row}.${c.column}`).join(',')}`).sort();

const FAULTS: Array<Fault | null> = [null, null, 'blankHandledTotalRow', 'offByOneCell', 'remedyTotalWrong'];

function cases(count: number, offset: number) {
  return Array.from({ length: count }, (_, i) => {
    const seed = offset + i;
    const format: FormatId = i % 2 === 0 ? '2021' : '2019';
    const fault = FAULTS[i % FAULTS.length]!;
    const valid = buildValidReport(seed, format);
    return { seed, format, fault, report: fault ? withFault(valid, fault, seed) : valid };
  });
}

const TARGETS: Array<{ to: RenderTarget; count: number }> = [
  { to: 'json', count: 20 },
  { to: 'text', count: 20 },
  { to: 'html', count: 20 },
  { to: 'docx', count: 12 },
  { to: 'xlsx', count: 12 },
  { to: 'pdf', count: 6 },
];

describe.each(TARGETS)('render to $to, ingest back', ({ to, count }) => {
  it.each(cases(count, 1000))('seed $seed, format $format, fault $fault: same Report, same findings', async ({ report }) => {
    const bytes = await renderReport(report, to);
    const back = (await ingestReport(bytes, `report.${to === 'text' ? 'txt' : to}`)).report;
    expect(essence(back)).toEqual(essence(report));
    expect(findingKeys(checkReport(back))).toEqual(findingKeys(checkReport(report)));
  });
});
