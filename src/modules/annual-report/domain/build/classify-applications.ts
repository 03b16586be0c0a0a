import type { ApplicationCount, ApplicationSummary } from './types.ts';

/** The first and last day of a report year, as the YYYY-MM-DD text dates are stored and compared. */
export function yearBounds(year: number): { readonly start: string; readonly end: string } {
  const y = String(year).padStart(4, '0');
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** The two table 三 rows an application adds 1 to in one year's report: where it came from, where it went. */
export interface YearRows {
  /** 一 received in the year, or 二 received earlier and still open on 1 January. */
  readonly in: 'received' | 'carriedIn';
  /** Its outcome row (2021 id) if handling ended in the year, else 四 `carriedOut` (open on 31 December). */
  readonly out: string;
}

/**
 * Where one application counts in the report on `year` (domain.md §4, "Mapping workflow outcomes to rows"), or null
 * when it does not count: received after the year, or closed before it. An application is closed only once it has
 * both a closing date and an outcome; so each counted application adds exactly 1 on each side of
 * 一 + 二 = 三（七） + 四, and what is 四 this year is 二 next year. Withdrawal is the outcome `other.misc`, deemed
 * abandonment `other.noSupplement` (Art. 30) or `other.feeUnpaid` (办法) — the application's own outcome.
 * The SQL aggregation in annual-report.repository.ts applies the same conditions.
 */
export function yearRowsFor(app: ApplicationSummary, year: number): YearRows | null {
  const { start, end } = yearBounds(year);
  if (app.receivedOn > end) return null;
  const closedOn = app.outcome !== null ? app.closedOn : null;
  if (closedOn !== null && closedOn < start) return null;
  return {
    in: app.receivedOn >= start ? 'received' : 'carriedIn',
    out: closedOn !== null && closedOn <= end ? (app.outcome as string) : 'carriedOut',
  };
}

/** Aggregates applications into table 三 counts for `year`, as the SQL GROUP BY does; sorted by row, then column. */
export function classifyApplicationsForYear(apps: Iterable<ApplicationSummary>, year: number): ApplicationCount[] {
  const counts = new Map<string, { row: string; column: string; count: number }>();
  const add = (row: string, column: string) => {
    const key = `${row}\u0000${column}`;
    const entry = counts.get(key);
    if (entry) entry.count += 1;
    else counts.set(key, { row, column, count: 1 });
  };
  for (const app of apps) {
    const rows = yearRowsFor(app, year);
    if (!rows) continue;
    add(rows.in, app.applicantColumn);
    add(rows.out, app.applicantColumn);
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...counts.values()].sort((a, b) => order(a.row, b.row) || order(a.column, b.column));
}
