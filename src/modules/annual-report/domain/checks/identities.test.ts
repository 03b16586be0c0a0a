import { describe, expect, it } from 'vitest';
import { cellKey, type Finding } from '../finding.ts';
import { checkReport } from './check-report.ts';
import { blankReport, naturalPersonOnly, seedReport, withCells } from './test-reports.ts';

const errors = (fs: readonly Finding[]) => fs.filter((f) => f.severity === 'error');
const keys = (f: Finding) => f.cells.map(cellKey);

/** A consistent 2021 report: 自然人 3 + 商业企业 2 received, all handled in the first rows, 1 carried out. */
function consistent2021() {
  const base = blankReport('2021', 2022);
  return withCells(base, 'applications', {
    received: { naturalPerson: 4, business: 2, total: 6 },
    carriedIn: { naturalPerson: 1, business: 0, total: 1 },
    disclosed: { naturalPerson: 2, business: 1, total: 3 },
    'unavailable.notHeld': { naturalPerson: 2, business: 0, total: 2 },
    'other.misc': { naturalPerson: 0, business: 1, total: 1 },
    handledTotal: { naturalPerson: 4, business: 2, total: 6 },
    carriedOut: { naturalPerson: 1, business: 0, total: 1 },
  });
}

describe('blank totals: one finding for the root cause (domain §4 check 4)', () => {
  it('the seed: （七）总计 row blank while its parts sum to 17 gives exactly one error, and nothing else', () => {
    const findings = checkReport(seedReport());
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.code).toBe('applications.blankTotalRow');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('（七）总计行为空，但其各项之和为17');
    expect(f?.expected).toBe(17);
    expect(keys(f!)).toEqual(['applications.handledTotal.naturalPerson', 'applications.handledTotal.total']);
  });

  it('a blank 总计 column in the detail rows gives one finding listing the rows', () => {
    let r = consistent2021();
    r = withCells(r, 'applications', { disclosed: { total: null }, 'unavailable.notHeld': { total: null } });
    const fs = errors(checkReport(r));
    expect(fs.map((f) => f.code)).toEqual(['applications.blankTotalColumn']);
    expect(keys(fs[0]!)).toEqual(['applications.disclosed.total', 'applications.unavailable.notHeld.total']);
    expect(fs[0]?.message).toContain('（一）予以公开（应为3）');
  });

  it('a blank 总计 column and a blank （七）总计 row together: two findings, no broken identity', () => {
    let r = consistent2021();
    r = withCells(r, 'applications', {
      disclosed: { total: null },
      handledTotal: { naturalPerson: null, business: null, total: null },
    });
    expect(errors(checkReport(r)).map((f) => f.code).sort()).toEqual([
      'applications.blankTotalColumn',
      'applications.blankTotalRow',
    ]);
  });

  it('a blank table 四 total under non-zero results is one error naming that total', () => {
    const r = withCells(blankReport('2019', 2020), 'remedies', { reconsideration: { upheld: 1, corrected: 2, total: null } });
    const fs = errors(checkReport(r));
    expect(fs).toHaveLength(1);
    expect(fs[0]?.code).toBe('remedies.blankTotalColumn');
    expect(keys(fs[0]!)).toEqual(['remedies.reconsideration.total']);
    expect(fs[0]?.message).toContain('行政复议的“总计”为空，但其各项之和为3');
  });

  it('a blank total over blank or zero parts is fine', () => {
    const r = withCells(blankReport('2021', 2021), 'applications', naturalPersonOnly({ disclosed: 0, handledTotal: null }));
    expect(errors(checkReport(r))).toEqual([]);
  });
});

describe('a wrong cell is named, not a cascade of broken identities', () => {
  it.each([
    ['disclosed', 'naturalPerson', 3],
    ['disclosed', 'total', 9],
    ['received', 'business', 5],
    ['handledTotal', 'total', 7],
    ['carriedOut', 'naturalPerson', 0],
    ['carriedIn', 'total', 4],
    ['other.misc', 'business', 0],
  ])('%s / %s printed as %d → one suspectCell error with the value the identities imply', (row, column, wrong) => {
    const good = consistent2021();
    const before = good.tables.applications[row]?.[column];
    const expected = before && before.kind === 'number' ? before.value : 0;
    const fs = errors(checkReport(withCells(good, 'applications', { [row]: { [column]: wrong } })));
    expect(fs).toHaveLength(1);
    expect(fs[0]?.code).toBe('applications.suspectCell');
    expect(keys(fs[0]!)).toEqual([`applications.${row}.${column}`]);
    expect(fs[0]?.expected).toBe(expected);
    expect(fs[0]?.found).toBe(wrong);
  });

  it('a （七）总计 row that left out a row (自然人 and 总计 both short by 2) is one suspectRow error', () => {
    const r = withCells(consistent2021(), 'applications', { handledTotal: { naturalPerson: 2, total: 4 } });
    const fs = errors(checkReport(r));
    expect(fs.map((f) => f.code)).toEqual(['applications.suspectRow']);
    expect(keys(fs[0]!)).toEqual(['applications.handledTotal.naturalPerson', 'applications.handledTotal.total']);
    expect(fs[0]?.message).toContain('“自然人”列应为4（报告为2）');
  });

  it('一+二 ≠ 三+四 with no cell to blame (a whole 一 row off) is one balance error listing both columns', () => {
    const r = withCells(consistent2021(), 'applications', { received: { naturalPerson: 5, total: 7 } });
    const fs = errors(checkReport(r));
    expect(fs.map((f) => f.code)).toEqual(['applications.balance']);
    expect(fs[0]?.message).toContain('“自然人”列');
    expect(fs[0]?.message).toContain('“总计”列');
  });

  it('two faults far apart are each named', () => {
    const r = withCells(consistent2021(), 'applications', {
      disclosed: { naturalPerson: 5 },
      'other.misc': { business: 3 },
    });
    const fs = errors(checkReport(r));
    expect(fs.map((f) => f.code)).toEqual(['applications.suspectCell', 'applications.suspectCell']);
    expect(fs.flatMap(keys)).toEqual(['applications.disclosed.naturalPerson', 'applications.other.misc.business']);
  });

  it('table 四: a total printed 0 under non-zero results is one groupTotal error naming the total first', () => {
    const r = withCells(blankReport('2021', 2022), 'remedies', {
      litigationDirect: { upheld: 1, pending: 1, total: 0 },
    });
    const fs = errors(checkReport(r));
    expect(fs.map((f) => f.code)).toEqual(['remedies.groupTotal']);
    expect(fs[0]?.cells[0]).toEqual({ table: 'remedies', row: 'litigationDirect', column: 'total' });
    expect(fs[0]).toMatchObject({ expected: 2, found: 0 });
    expect(fs[0]?.message).toContain('行政诉讼（未经复议直接起诉）的“总计”为0，按各项计算应为2');
  });
});

describe('cell values (domain §4 check 4)', () => {
  it.each([
    ['3.5', 'cells.notInteger'],
    ['-2', 'cells.negative'],
    ['见附件', 'cells.text'],
  ])('%s in a count cell of table 三 is one error naming the cell (%s), with the implied value', (printed, code) => {
    const r = withCells(consistent2021(), 'applications', { disclosed: { naturalPerson: printed } });
    const fs = errors(checkReport(r));
    expect(fs.map((f) => f.code)).toEqual([code]);
    expect(keys(fs[0]!)).toEqual(['applications.disclosed.naturalPerson']);
    expect(fs[0]?.expected).toBe(2);
    expect(fs[0]?.message).toContain('“（一）予以公开”行“自然人”列');
  });

  it('a negative 本年增/减 and money with decimals are fine; negative money and a decimal change are not', () => {
    const ok = withCells(blankReport('2019', 2020), 'proactive', {
      fees: { lastYearCount: 16, change: '减少1项' },
      procurement: { projects: 3, amountWan: '251000元' },
    });
    expect(checkReport(ok)).toEqual([]);
    const bad = withCells(ok, 'proactive', { fees: { change: '+1.5' }, procurement: { amountWan: -3 } });
    expect(errors(checkReport(bad)).map((f) => `${f.code}:${keys(f).join()}`)).toEqual([
      'cells.notInteger:proactive.fees.change',
      'cells.negative:proactive.procurement.amountWan',
    ]);
  });

  it('a dash reads as 0 and is no finding', () => {
    const r = withCells(consistent2021(), 'applications', { withheld: {}, 'withheld.stateSecret': { naturalPerson: '—' } });
    expect(checkReport(r)).toEqual([]);
  });
});

describe('order and determinism', () => {
  it('errors come before warnings, then by table and row order', () => {
    const r = withCells({ ...seedReport(), missingTables: ['remedies'] }, 'proactive', { rules: { madeThisYear: -1 } });
    const fs = checkReport(r);
    expect(fs.map((f) => f.code)).toEqual(['cells.negative', 'applications.blankTotalRow', 'tables.missing']);
    expect(checkReport(r)).toEqual(fs);
  });
});
