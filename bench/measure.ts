/** Timing and summarising: wall-clock milliseconds, medians and percentiles, and how figures are printed. */
import { performance } from 'node:perf_hooks';

export type Scale = 'small' | 'full';

export interface Benchmark {
  readonly name: string;
  /** One line: what is measured, and the goal. */
  readonly title: string;
  run(scale: Scale, options: { readonly explain: boolean }): Promise<void>;
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/** The q-quantile (0..1) of the values, nearest-rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Runs fn `times` times after `warmUp` unmeasured runs; returns each measured duration in ms. */
export async function repeat(times: number, fn: () => Promise<unknown> | unknown, warmUp = 1): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < times; i++) out.push((await timed(fn)).ms);
  return out;
}

export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** "median 12 ms (min 10 ms, max 15 ms, n=5)" */
export function spread(values: readonly number[]): string {
  return `median ${ms(median(values))} (min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))}, n=${values.length})`;
}

export function verdict(met: boolean): string {
  return met ? 'MET' : 'NOT MET';
}

export function line(text = ''): void {
  process.stdout.write(`${text}\n`);
}
