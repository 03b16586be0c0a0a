/** The queries of the annual report prose staff write (report_sections: one row per agency, year and section), nothing else. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface StoredSection {
  readonly sectionId: string;
  readonly text: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** The saved sections of one agency and year, in no particular order. */
export async function findSections(db: Kysely<Database>, agencyId: number, year: number): Promise<StoredSection[]> {
  const rows = await db
    .selectFrom('report_sections')
    .select(['section_id', 'text', 'updated_by', 'updated_at'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .execute();
  return rows.map((r) => ({ sectionId: r.section_id, text: r.text, updatedBy: r.updated_by, updatedAt: r.updated_at }));
}

/** The saved section texts of every agency for one year, by agency id then section id (the province-wide build). */
export async function findSectionsOfYear(db: Kysely<Database>, year: number): Promise<Map<number, Record<string, string>>> {
  const rows = await db.selectFrom('report_sections').select(['agency_id', 'section_id', 'text']).where('year', '=', year).execute();
  const out = new Map<number, Record<string, string>>();
  for (const r of rows) {
    const own = out.get(r.agency_id) ?? {};
    own[r.section_id] = r.text;
    out.set(r.agency_id, own);
  }
  return out;
}

/** Writes one section's text, replacing what was saved (inside the caller's transaction). */
export async function upsertSection(
  trx: Transaction<Database>,
  row: { readonly agencyId: number; readonly year: number; readonly sectionId: string; readonly text: string; readonly updatedBy: string; readonly updatedAt: string },
): Promise<void> {
  await trx
    .insertInto('report_sections')
    .values({ agency_id: row.agencyId, year: row.year, section_id: row.sectionId, text: row.text, updated_by: row.updatedBy, updated_at: row.updatedAt })
    .onConflict((oc) => oc.columns(['agency_id', 'year', 'section_id']).doUpdateSet({ text: row.text, updated_by: row.updatedBy, updated_at: row.updatedAt }))
    .execute();
}
