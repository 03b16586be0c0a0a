/**
 * Splitting a run of digits that a crawler glued together ("1700000017" for 17 0 0 0 0 0 17) back into the row's
 * cells. The search is bounded: a group total is never enumerated (it must equal the sum of its parts, so its
 * digits are known), parts have at most MAX_PART_DIGITS digits, and the walk stops after `maxSteps` steps and
 * says so.
 */

/** `total` = Σ `parts` (indexes into the split), e.g. table 三: parts 0-5, total 6. */
export interface DigitGroup {
  readonly parts: readonly number[];
  readonly total: number;
}

export interface DigitSplitOptions {
  readonly groups?: readonly DigitGroup[];
  /** Parts that may hold a decimal point (money columns). */
  readonly decimals?: readonly boolean[];
  readonly maxSolutions?: number;
  readonly maxSteps?: number;
}

export interface DigitSplitResult {
  /** Every split found (up to maxSolutions), each as `parts` digit strings. */
  readonly solutions: readonly (readonly string[])[];
  /** True when the search stopped at a limit: more splits may exist. */
  readonly capped: boolean;
  readonly steps: number;
}

const MAX_PART_DIGITS = 9;
const MAX_RUN_LENGTH = 120;

export function splitDigitRun(run: string, parts: number, options: DigitSplitOptions = {}): DigitSplitResult {
  const text = run.replace(/\s+/g, '');
  const maxSolutions = options.maxSolutions ?? 20;
  const maxSteps = options.maxSteps ?? 200_000;
  if (parts < 1 || text.length < parts || text.length > MAX_RUN_LENGTH || !/^[\d.]+$/.test(text)) {
    return { solutions: [], capped: text.length > MAX_RUN_LENGTH, steps: 0 };
  }
  const groups = options.groups ?? [];
  const totalOf = new Map<number, DigitGroup>();
  for (const g of groups) totalOf.set(g.total, g);
  const solutions: string[][] = [];
  const current: string[] = [];
  let steps = 0;
  let capped = false;

  const partOk = (s: string, index: number): boolean => {
    const decimal = options.decimals?.[index] ?? false;
    if (s.includes('.')) {
      if (!decimal || !/^(0|[1-9]\d*)\.\d+$/.test(s)) return false;
      return true;
    }
    return s === '0' || (s[0] !== '0' && s.length <= MAX_PART_DIGITS);
  };

  const walk = (pos: number, index: number): void => {
    if (capped) return;
    if (++steps > maxSteps) {
      capped = true;
      return;
    }
    if (index === parts) {
      if (pos === text.length) {
        solutions.push([...current]);
        if (solutions.length >= maxSolutions) capped = true;
      }
      return;
    }
    const remainingParts = parts - index - 1;
    const group = totalOf.get(index);
    if (group) {
      const sum = group.parts.reduce((acc, p) => acc + Number(current[p] ?? NaN), 0);
      if (!Number.isFinite(sum)) return;
      const expected = String(Math.round(sum * 1e6) / 1e6);
      if (text.startsWith(expected, pos) && text.length - pos - expected.length >= remainingParts) {
        current.push(expected);
        walk(pos + expected.length, index + 1);
        current.pop();
      }
      return;
    }
    const maxLen = Math.min(text.length - pos - remainingParts, MAX_PART_DIGITS + 4);
    for (let len = 1; len <= maxLen; len++) {
      const s = text.slice(pos, pos + len);
      if (!partOk(s, index)) {
        if (s.length > 1 && s[0] === '0' && !s.startsWith('0.')) break;
        continue;
      }
      current.push(s);
      walk(pos + len, index + 1);
      current.pop();
      if (capped) return;
    }
  };
  walk(0, 0);
  return { solutions, capped, steps };
}

/** Table 三: six applicant columns whose sum is the seventh (总计). */
export const APPLICATION_DIGIT_GROUPS: readonly DigitGroup[] = [{ parts: [0, 1, 2, 3, 4, 5], total: 6 }];

/** Table 四: three groups of four results and their 总计. */
export const REMEDY_DIGIT_GROUPS: readonly DigitGroup[] = [0, 5, 10].map((start) => ({
  parts: [start, start + 1, start + 2, start + 3],
  total: start + 4,
}));
