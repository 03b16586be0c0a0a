import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../formats/index.ts';
import { FINDING_CODES } from './codes.ts';
import { checkConsolidated, checkReport, checkSeries } from './index.ts';
import { blankReport, naturalPersonOnly, seedReport, withCells } from './test-reports.ts';

/** code → severity, as docs/findings.md lists them. */
function documented(): Map<string, string> {
  const text = readFileSync(new URL('../../../../../docs/findings.md', import.meta.url), 'utf8');
  const rows = [...text.matchAll(/^\|\s*`([\w.]+)`\s*\|\s*(\w+)\s*\|/gm)];
  return new Map(rows.map((m) => [m[1] as string, m[2] as string]));
}

/** A battery of faulty reports that between them make every check speak. */
function emitted(): string[] {
  const good = withCells(blankReport('2021', 2022), 'applications', naturalPersonOnly({ received: 3, disclosed: 3, handledTotal: 3 }));
  const reports = [
    seedReport(),
    withCells(good, 'applications', { disclosed: { naturalPerson: 2 } }),
    withCells(good, 'applications', { handledTotal: { naturalPerson: 1, total: 1 } }),
    withCells(good, 'applications', { received: { naturalPerson: 4, total: 4 } }),
    withCells(good, 'applications', { disclosed: { total: null }, received: { naturalPerson: '三', total: -3 } }),
    withCells(good, 'remedies', { reconsideration: { upheld: 1, total: 0 }, litigationDirect: { other: 1 } }),
    withCells(good, 'applications', { disclosed: { naturalPerson: 2.5 } }),
    { ...blankReport('2019', 2023, { overview: '2019年我局共受理政府信息公开申请9件。2019年，我局加强培训。' }), missingTables: ['remedies' as const] },
    { ...blankReport('2021', null), sections: { problems: { heading: '四、存在的问题', text: '' } } },
    { ...blankReport('2021', 2021) },
  ];
  const codes = reports.flatMap((r) => checkReport(r, r.year === 2021 ? { expectedYear: 2022 } : {}).map((f) => f.code));
  const y2019 = withCells(blankReport('2019', 2019), 'applications', naturalPersonOnly({ carriedOut: 2 }));
  const y2020 = withCells(blankReport('2019', 2020), 'proactive', { fees: { lastYearCount: 4 } });
  const y2021 = withCells(blankReport('2021', 2021), 'proactive', { rules: { inForce: 2 } });
  const y2022 = withCells({ ...blankReport('2021', 2022), agency: '另一单位' }, 'proactive', { rules: { inForce: 5 } });
  codes.push(...checkSeries([y2019, y2020, y2021, y2022, y2022, blankReport('2021', null)]).map((f) => f.code));
  codes.push(...checkConsolidated(good, [seedReport(), blankReport('2021', 2022)]).map((f) => f.code));
  return [...new Set(codes)].sort();
}

describe('docs/findings.md lists every finding code', () => {
  it('every code of FINDING_CODES is documented with its severity', () => {
    const docs = documented();
    const missing = Object.entries(FINDING_CODES).filter(([code, severity]) => docs.get(code) !== severity);
    expect(missing).toEqual([]);
  });

  it('every sum rule of both formats has its code among the finding codes', () => {
    const rules = Object.values(FORMATS).flatMap((f) => f.rules.map((r) => r.code));
    expect(rules.filter((code) => !Object.hasOwn(FINDING_CODES, code))).toEqual([]);
  });

  it('every code the checks emit over a battery of faulty reports is documented', () => {
    const docs = documented();
    const codes = emitted();
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((c) => !docs.has(c))).toEqual([]);
  });
});
