import { describe, expect, it } from 'vitest';
import { APPLICATION_DIGIT_GROUPS, REMEDY_DIGIT_GROUPS, splitDigitRun } from './digit-split.ts';

describe('splitDigitRun', () => {
  it('finds the one split of a table 三 row whose 总计 is the sum of the six columns', () => {
    const r = splitDigitRun('170000017', 7, { groups: APPLICATION_DIGIT_GROUPS });
    expect(r.solutions).toEqual([['17', '0', '0', '0', '0', '0', '17']]);
    expect(r.capped).toBe(false);
  });

  it('returns every split that fits when the identity does not decide', () => {
    const r = splitDigitRun('121000013', 7, { groups: APPLICATION_DIGIT_GROUPS });
    expect(r.solutions).toContainEqual(['12', '1', '0', '0', '0', '0', '13']);
    expect(r.solutions).toContainEqual(['1', '2', '10', '0', '0', '0', '13']);
  });

  it('never reads a part with a leading zero', () => {
    const r = splitDigitRun('1050', 2);
    expect(r.solutions).toEqual([
      ['10', '50'],
      ['105', '0'],
    ]);
  });

  it('splits table 四 by its three group totals', () => {
    const r = splitDigitRun('72641783735113481261211620', 15, { groups: REMEDY_DIGIT_GROUPS });
    expect(r.solutions).toContainEqual(['72', '64', '178', '37', '351', '13', '4', '8', '1', '26', '12', '1', '1', '6', '20']);
    for (const s of r.solutions) {
      for (const start of [0, 5, 10]) {
        const parts = s.slice(start, start + 4).map(Number);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(Number(s[start + 4]));
      }
    }
  });

  it('allows a decimal point only in money parts', () => {
    expect(splitDigitRun('239226158.97', 2, { decimals: [false, true] }).solutions).toContainEqual(['2392', '26158.97']);
    expect(splitDigitRun('12.5', 2).solutions).toEqual([]);
  });

  it('stays bounded on a 40-digit run and says when it stopped', () => {
    const started = Date.now();
    const r = splitDigitRun('1234567891'.repeat(4), 7, { groups: APPLICATION_DIGIT_GROUPS, maxSteps: 50_000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.steps).toBeLessThanOrEqual(50_001);
    const unbounded = splitDigitRun('1'.repeat(40), 20, { maxSteps: 10_000 });
    expect(unbounded.capped).toBe(true);
  });
});
