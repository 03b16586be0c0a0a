/** The queries of the published annual reports (annual_reports with status 'published'), nothing else. */
import type { Kysely } from 'kysely';
import type { AnnualReportRow, Database } from '../../db/schema.ts';

/** The latest published version of each year of one agency, newest year first. */
export async function listLatestPublished(db: Kysely<Database>, agencyId: number): Promise<AnnualReportRow[]> {
  const rows = await db
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .orderBy('year', 'desc')
    .orderBy('version', 'desc')
    .execute();
  const seen = new Set<number>();
  return rows.filter((r) => (seen.has(r.year) ? false : (seen.add(r.year), true)));
}

/** The latest published version of one year, if any. */
export async function findLatestPublished(db: Kysely<Database>, agencyId: number, year: number): Promise<AnnualReportRow | undefined> {
  return db
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
