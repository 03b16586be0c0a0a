import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Report } from '../domain/report.ts';
import { parseReportJson } from '../render/json.ts';
import { findLatestPublished } from '../published-reports.repository.ts';
import type { PublishedReportSummary } from './list-published-reports.ts';

export interface PublishedReport extends PublishedReportSummary {
  readonly report: Report;
}

/**
 * One year's published annual report of an agency (its latest published version), or null when none is published.
 * The stored JSON is gongkai.report/1 (render/json.ts); a row that does not parse counts as not published.
 */
export async function getPublishedReport(ctx: { readonly db: Kysely<Database> }, agencyId: number, year: number): Promise<PublishedReport | null> {
  const row = await findLatestPublished(ctx.db, agencyId, year);
  if (!row) return null;
  let report: Report;
  try {
    report = parseReportJson(row.report_json);
  } catch {
    return null;
  }
  return { year: row.year, format: row.format, version: row.version, publishedAt: row.published_at, report };
}
