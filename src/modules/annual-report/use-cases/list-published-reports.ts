import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { listLatestPublished } from '../published-reports.repository.ts';

export interface PublishedReportSummary {
  readonly year: number;
  /** '2019' | '2021' */
  readonly format: string;
  readonly version: number;
  readonly publishedAt: string | null;
}

/**
 * The annual reports an agency has published (Art. 49-50), the latest version of each year, newest first.
 * Published reports are public: no actor is needed.
 */
export async function listPublishedReports(ctx: { readonly db: Kysely<Database> }, agencyId: number): Promise<PublishedReportSummary[]> {
  const rows = await listLatestPublished(ctx.db, agencyId);
  return rows.map((r) => ({ year: r.year, format: r.format, version: r.version, publishedAt: r.published_at }));
}
