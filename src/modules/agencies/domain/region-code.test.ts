import { describe, expect, it } from 'vitest';
import { regionCodeProblem, regionContains, regionLevel } from './region-code.ts';

describe('行政区划代码 (GB/T 2260)', () => {
  it.each(['110000', '320800', '320803', '440305', '650000', '810000'])('accepts %s', (code) => {
    expect(regionCodeProblem(code)).toBeNull();
  });

  it.each([
    ['32080', 'format'],
    ['3208031', 'format'],
    ['32O803', 'format'],
    ['', 'format'],
    ['990000', 'province'],
    ['000000', 'province'],
    ['320012', 'structure'],
  ] as const)('refuses %s (%s)', (code, problem) => {
    expect(regionCodeProblem(code)).toBe(problem);
  });

  it('names the level from the zeros at the end', () => {
    expect([regionLevel('320000'), regionLevel('320800'), regionLevel('320803')]).toEqual(['provincial', 'municipal', 'county']);
  });

  it('knows which codes lie inside which', () => {
    expect(regionContains('320800', '320803')).toBe(true);
    expect(regionContains('320000', '320803')).toBe(true);
    expect(regionContains('320800', '320800')).toBe(true);
    expect(regionContains('320800', '320903')).toBe(false);
    expect(regionContains('320803', '320804')).toBe(false);
  });
});
