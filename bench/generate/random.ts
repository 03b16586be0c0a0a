/**
 * Seeded randomness for the generators: the same seed gives the same rows on SQLite and on PostgreSQL, so both
 * databases are measured on identical data without holding a million rows in memory.
 */
import { rng } from '../../test/factories/report-factory.ts';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** n random digits as a string. */
  digits(n: number): string;
}

export function seeded(seed: number): Random {
  const next = rng(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    digits: (n) => {
      let s = '';
      for (let i = 0; i < n; i++) s += String(Math.floor(next() * 10));
      return s;
    },
  };
}

/** Picks from a weighted table in O(log n); weights need not sum to 1. */
export function weighted<T>(table: readonly (readonly [T, number])[]): (r: Random) => T {
  const values = table.map(([v]) => v);
  const cumulative: number[] = [];
  let sum = 0;
  for (const [, w] of table) cumulative.push((sum += w));
  return (r) => {
    const x = r.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  };
}

/** ISO dates from `first` for `days` days, precomputed so row generators do no date arithmetic. */
export function dateTable(first: string, days: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}
