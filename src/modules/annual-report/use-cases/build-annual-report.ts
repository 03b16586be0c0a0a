import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { findAgencyName, listAgencyNames, loadAgencyYear, loadAllAgenciesYear } from '../annual-report.repository.ts';
import { buildReport } from '../domain/build/index.ts';
import { formatForYear, type FormatId, type SectionId } from '../domain/formats/index.ts';
import type { Report } from '../domain/report.ts';
import { findSectionsOfYear } from '../report-sections.repository.ts';
import { loadSavedSections } from './report-sections.ts';

export interface BuildAnnualReportContext {
  readonly db: Kysely<Database>;
}

export interface BuildAnnualReportInput {
  readonly agencyId: number;
  readonly year: number;
  /** Defaults to the format the year requires. */
  readonly format?: FormatId;
  /** The prose of each section (一, 五 and 六 are prose only); defaults to the texts staff saved (report-sections.ts). */
  readonly sections?: Readonly<Partial<Record<SectionId, string>>>;
}

/**
 * The annual report of one agency for one year (Arts. 49-50), built from its applications, remedy cases, catalogue
 * and yearly counts, with the prose given or else the prose saved for it; null when there is no such agency.
 */
export async function buildAnnualReport(ctx: BuildAnnualReportContext, input: BuildAnnualReportInput): Promise<Report | null> {
  const agency = await findAgencyName(ctx.db, input.agencyId);
  if (!agency) return null;
  const format = input.format ?? formatForYear(input.year);
  const [data, sections] = await Promise.all([
    loadAgencyYear(ctx.db, agency.id, input.year, format),
    input.sections ?? loadSavedSections(ctx.db, agency.id, input.year),
  ]);
  return buildReport({ agency: agency.name, year: input.year, format, ...data, sections });
}

/**
 * Every agency's annual report for one year (the province-wide build): the data of all agencies is aggregated in
 * one pass per table, not one query per agency, with the prose each agency saved. Agencies with no data get a
 * report of zeros.
 */
export async function buildAllAnnualReports(
  ctx: BuildAnnualReportContext,
  input: { readonly year: number; readonly format?: FormatId },
): Promise<Map<number, Report>> {
  const format = input.format ?? formatForYear(input.year);
  const [agencies, data, prose] = await Promise.all([listAgencyNames(ctx.db), loadAllAgenciesYear(ctx.db, input.year, format), findSectionsOfYear(ctx.db, input.year)]);
  const out = new Map<number, Report>();
  for (const agency of agencies) {
    const own = data.get(agency.id) ?? { applications: [], remedies: [], proactive: {} };
    // buildReport reads only the format's section ids: a stray row of report_sections is left out.
    out.set(agency.id, buildReport({ agency: agency.name, year: input.year, format, ...own, sections: prose.get(agency.id) ?? {} }));
  }
  return out;
}
