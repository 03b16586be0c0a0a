import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../domain/checks/index.ts';
import { CASES } from './__corpus__/cases.ts';
import { compareTables } from './__corpus__/expect.ts';
import { ingestReport } from './index.ts';

/**
 * The corpus: hand-written documents in the forms real reports reach the checker (real-layouts.md), each read as a
 * person reads it. Every cell listed must be read exactly, and checkReport must give exactly the findings listed
 * (a false error is as much a defect as a missed one).
 */
describe.each(CASES)('corpus $file', (c) => {
  const load = async () => {
    const bytes = readFileSync(new URL(`./__corpus__/${c.file}`, import.meta.url));
    return (await ingestReport(new Uint8Array(bytes), c.file)).report;
  };

  it(`reads format, year and agency (${c.quirks.join('; ')})`, async () => {
    const report = await load();
    expect({ format: report.format, year: report.year }).toEqual({ format: c.format, year: c.year });
    if (c.agency !== undefined) expect(report.agency).toBe(c.agency);
    expect(report.missingTables).toEqual(c.missingTables ?? []);
  });

  it('reads every listed cell exactly', async () => {
    const report = await load();
    const rows = compareTables(report, c);
    expect(rows.filter((r) => r.read !== r.expected)).toEqual([]);
  });

  it('gives exactly the expected errors and warnings', async () => {
    const report = await load();
    const codes = checkReport(report, c.year === null ? {} : { expectedYear: c.year })
      .filter((f) => f.severity !== 'notice')
      .map((f) => f.code);
    expect([...new Set(codes)].sort()).toEqual([...c.findings].sort());
  });

  if (c.notes?.length) {
    it('says what it had to guess', async () => {
      const report = await load();
      for (const want of c.notes ?? []) {
        const kind = want.kind ?? 'guessed';
        expect({ kind, pattern: want.message.source, found: report.notes.some((n) => n.kind === kind && want.message.test(n.message)) }).toEqual({ kind, pattern: want.message.source, found: true });
      }
    });
  }
});
