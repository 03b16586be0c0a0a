/**
 * Aggregates as plain numbers. Kysely types `count()` as string | number | bigint because PostgreSQL returns int8
 * as text; createDatabase already parses int8 to a number, and this narrows the type (and still copes with a
 * string or bigint from elsewhere, e.g. `numeric`).
 */
export function toCount(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new RangeError(`不是数字：${String(value)}`);
  return n;
}
