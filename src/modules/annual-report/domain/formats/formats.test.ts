import { describe, expect, it } from 'vitest';
import { FORMATS, cellIds, formatForYear } from './index.ts';

describe('report formats as data', () => {
  it('table 三 has 25 rows in 2021 and 23 in 2019, each with the seven applicant columns', () => {
    expect(FORMATS['2021'].tables.applications.rows).toHaveLength(25);
    expect(FORMATS['2019'].tables.applications.rows).toHaveLength(23);
    expect(cellIds('2021', 'applications')).toHaveLength(25 * 7);
  });

  it('row ids are unique in every table of both formats', () => {
    for (const f of Object.values(FORMATS)) {
      for (const t of Object.values(f.tables)) {
        const ids = t.rows.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
      }
    }
  });

  it('table 四 has 15 cells; 2019 table 二 has 22 cells and 2021 table 二 has 10', () => {
    expect(cellIds('2019', 'remedies')).toHaveLength(15);
    expect(cellIds("2019", "proactive")).toHaveLength(22);
    expect(cellIds('2021', 'proactive')).toHaveLength(10);
  });

  it('reports on 2019 and 2020 use the trial format, later years the 2021 format', () => {
    expect([2019, 2020, 2021, 2024].map(formatForYear)).toEqual(['2019', '2019', '2021', '2021']);
  });
});
