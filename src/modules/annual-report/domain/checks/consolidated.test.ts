import { describe, expect, it } from 'vitest';
import { checkConsolidated } from './consolidated.ts';
import { blankReport, naturalPersonOnly, withCells } from './test-reports.ts';

const county = (format: '2019' | '2021', rows: Record<string, number>) =>
  withCells(blankReport(format, format === '2019' ? 2020 : 2022), 'applications', naturalPersonOnly(rows));

describe('a consolidated report against the reports below it (Art. 49)', () => {
  it('cells equal to the children’s sums give no finding', () => {
    const parent = county('2021', { received: 5, disclosed: 5, handledTotal: 5 });
    const kids = [county('2021', { received: 2, disclosed: 2, handledTotal: 2 }), county('2021', { received: 3, disclosed: 3, handledTotal: 3 })];
    expect(checkConsolidated(parent, kids)).toEqual([]);
  });

  it('one warning per differing cell, naming the cell, in table order', () => {
    const parent = withCells(county('2021', { received: 6, disclosed: 5, handledTotal: 5 }), 'remedies', {
      reconsideration: { upheld: 1, total: 1 },
    });
    const kids = [county('2021', { received: 2, disclosed: 2, handledTotal: 2 }), county('2021', { received: 3, disclosed: 3, handledTotal: 3 })];
    const fs = checkConsolidated(parent, kids);
    expect(fs.map((f) => `${f.severity}:${f.cells[0]?.row}.${f.cells[0]?.column}`)).toEqual([
      'warning:received.naturalPerson',
      'warning:received.total',
      'warning:reconsideration.upheld',
      'warning:reconsideration.total',
    ]);
    expect(fs[0]?.message).toContain('“一、本年新收政府信息公开申请数量”行“自然人”列为6，但2份下级报告之和为5');
  });

  it('table 二 count cells are compared; money and changes are not', () => {
    const parent = withCells(blankReport('2019', 2020), 'proactive', {
      licensing: { decisions: 10, change: 5 },
      procurement: { amountWan: 3 },
    });
    const kid = withCells(blankReport('2019', 2020), 'proactive', { licensing: { decisions: 4, change: 1 }, procurement: { amountWan: 1 } });
    expect(checkConsolidated(parent, [kid]).map((f) => `${f.cells[0]?.row}.${f.cells[0]?.column}`)).toEqual(['licensing.decisions']);
  });

  it('a 2019-format parent sums the 2021 （六）1-3 of a child into its single （六）', () => {
    const parent = county('2019', { other: 3 });
    const kid = withCells(blankReport('2021', 2021), 'applications', naturalPersonOnly({ 'other.misc': 1, 'other.noSupplement': 2 }));
    expect(checkConsolidated(parent, [kid]).map((f) => f.code)).toEqual(['consolidated.mixedFormats']);
  });
});
