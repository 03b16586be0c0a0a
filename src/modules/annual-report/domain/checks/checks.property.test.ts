import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLANK, change, num, type Cell } from '../cell.ts';
import { cellKey } from '../finding.ts';
import { APPLICANT_PART_COLUMN_IDS } from '../formats/common.ts';
import { FORMATS, cellIds, type FormatId, type TableId } from '../formats/index.ts';
import type { Report } from '../report.ts';
import { checkReport } from './check-report.ts';
import { blankReport, withCells, type TableInput } from './test-reports.ts';

const small = fc.integer({ min: 0, max: 9 });

/** A random report of the format whose every identity holds; zeros are printed as 0 or left blank at random. */
function validReport(format: FormatId): fc.Arbitrary<Report> {
  const def = FORMATS[format].tables;
  const outcomes = def.applications.rows.filter((r) => r.group && r.id !== 'handledTotal').map((r) => r.id);
  const column = fc.record({
    outcomes: fc.array(fc.oneof(fc.constant(0), small), { minLength: outcomes.length, maxLength: outcomes.length }),
    carriedIn: small,
    carriedOut: small,
  });
  const money = fc.integer({ min: 0, max: 1_000_000 }).map((v) => v / 100);
  return fc
    .record({
      columns: fc.array(column, { minLength: 6, maxLength: 6 }),
      remedies: fc.array(fc.array(small, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
      proactive: fc.array(fc.tuple(small, fc.integer({ min: -9, max: 9 }), money), { minLength: 8, maxLength: 8 }),
      blankZeros: fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
      year: fc.integer({ min: 0, max: 1 }),
    })
    .map(({ columns, remedies, proactive, blankZeros, year }) => {
      let z = 0;
      const zeroOr = (v: number): Cell => (v === 0 && blankZeros[z++ % blankZeros.length] ? BLANK : num(v));
      const byRow: Record<string, number[]> = {};
      columns.forEach((c, i) => {
        const handled = c.outcomes.reduce((a, b) => a + b, 0);
        const carriedIn = Math.min(c.carriedIn, handled + c.carriedOut);
        const values: Record<string, number> = {
          ...Object.fromEntries(outcomes.map((id, k) => [id, c.outcomes[k] ?? 0])),
          handledTotal: handled,
          carriedIn,
          carriedOut: c.carriedOut,
          received: handled + c.carriedOut - carriedIn,
        };
        for (const [row, v] of Object.entries(values)) (byRow[row] ??= [])[i] = v;
      });
      const applications: TableInput = {};
      for (const [row, vs] of Object.entries(byRow)) {
        applications[row] = Object.fromEntries(APPLICANT_PART_COLUMN_IDS.map((c, i) => [c, zeroOr(vs[i] ?? 0)]));
        applications[row].total = zeroOr(vs.reduce((a, b) => a + b, 0));
      }
      const remedyTable: TableInput = {};
      def.remedies.rows.forEach((r, i) => {
        const parts = remedies[i] ?? [0, 0, 0, 0];
        const columns = ['upheld', 'corrected', 'other', 'pending'].map((c, k) => [c, zeroOr(parts[k] ?? 0)]);
        remedyTable[r.id] = { ...Object.fromEntries(columns), total: zeroOr(parts.reduce((a, b) => a + b, 0)) };
      });
      const proactiveTable: TableInput = {};
      def.proactive.rows.forEach((r, i) => {
        const [count, delta, amount] = proactive[i] ?? [0, 0, 0];
        proactiveTable[r.id] = Object.fromEntries(
          r.columns.map((c) => {
            const kind = def.proactive.columns.find((col) => col.id === c)?.kind;
            return [c, kind === 'change' ? change(delta) : kind === 'money' ? num(amount) : zeroOr(count)];
          }),
        );
      });
      let report = blankReport(format, format === '2019' ? 2019 + year : 2021 + year);
      report = withCells(report, 'applications', applications);
      report = withCells(report, 'remedies', remedyTable);
      return withCells(report, 'proactive', proactiveTable);
    });
}

const anyValid = fc.oneof(validReport('2019'), validReport('2021'));

type FaultKind = 'delta' | 'blank' | 'text' | 'decimal' | 'negative';

describe('property: the checks over random reports of both formats', () => {
  it('a report whose every identity holds gives no error (and no finding at all)', () => {
    fc.assert(
      fc.property(anyValid, (report) => {
        expect(checkReport(report)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('a single fault in one cell gives an error that names that cell (or an identity it is part of)', () => {
    const fault = fc.record({
      pick: fc.nat(),
      kind: fc.constantFrom<FaultKind>('delta', 'blank', 'text', 'decimal', 'negative'),
      delta: fc.integer({ min: -5, max: 5 }).filter((d) => d !== 0),
    });
    fc.assert(
      fc.property(anyValid, fault, (report, { pick, kind, delta }) => {
        // Table 二 has no identities: only values that are wrong in themselves are faults there.
        const tables: TableId[] = kind === 'delta' || kind === 'blank' ? ['applications', 'remedies'] : ['applications', 'remedies', 'proactive'];
        const cells = tables.flatMap((table) =>
          cellIds(report.format, table)
            .filter(({ column }) => table !== 'proactive' || FORMATS[report.format].tables.proactive.columns.find((c) => c.id === column)?.kind === 'count')
            .map(({ row, column }) => ({ table, row, column })),
        );
        const ref = cells[pick % cells.length]!;
        const before = report.tables[ref.table][ref.row]?.[ref.column];
        const value = before && before.kind === 'number' ? before.value : 0;
        if (kind === 'blank' && value === 0) return; // blanking a zero changes nothing
        const faulty: Cell =
          kind === 'delta'
            ? num(value + delta)
            : kind === 'blank'
              ? BLANK
              : kind === 'text'
                ? { kind: 'text', raw: '见附表' }
                : kind === 'decimal'
                  ? num(value + 0.5)
                  : num(-(value + 1));
        const broken = withCells(report, ref.table, { [ref.row]: { [ref.column]: faulty } });
        const errors = checkReport(broken).filter((f) => f.severity === 'error');
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.some((f) => f.cells.some((c) => cellKey(c) === cellKey(ref)))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a single changed number in table 三 is located: exactly one error, naming that cell', () => {
    fc.assert(
      fc.property(validReport('2021'), fc.nat(), fc.integer({ min: 1, max: 5 }), (report, pick, delta) => {
        const ids = cellIds('2021', 'applications');
        const { row, column } = ids[pick % ids.length]!;
        const before = report.tables.applications[row]?.[column];
        const value = before && before.kind === 'number' ? before.value : 0;
        const errors = checkReport(withCells(report, 'applications', { [row]: { [column]: value + delta } })).filter(
          (f) => f.severity === 'error',
        );
        expect(errors).toHaveLength(1);
        expect(errors[0]?.cells.map(cellKey)).toEqual([`applications.${row}.${column}`]);
        expect(errors[0]?.expected).toBe(value);
      }),
      { numRuns: 200 },
    );
  });

  it('seed-like: a blank （七）总计 row over non-zero parts gives exactly one error', () => {
    fc.assert(
      fc.property(anyValid, (report) => {
        const handled = report.tables.applications.handledTotal ?? {};
        const total = handled.total;
        fc.pre(!!total && total.kind === 'number' && total.value > 0);
        const blanked = Object.fromEntries(Object.keys(handled).map((c) => [c, null]));
        const errors = checkReport(withCells(report, 'applications', { handledTotal: blanked })).filter(
          (f) => f.severity === 'error',
        );
        expect(errors.map((f) => f.code)).toEqual(['applications.blankTotalRow']);
        expect(errors[0]?.message).toContain(`（七）总计行为空，但其各项之和为${total.kind === 'number' ? total.value : ''}`);
      }),
      { numRuns: 150 },
    );
  });
});
