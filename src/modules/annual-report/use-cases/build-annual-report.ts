import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { findAgencyName, listAgencyNames, loadAgencyYear, loadAllAgenciesYear } from '../annual-report.repository.ts';
import { buildReport } from '../domain/build/index.ts';
import { formatForYear, type FormatId, type SectionId } from '../domain/formats/index.ts';
import type { Report } from '../domain/report.ts';

export interface BuildAnnualReportContext {
  readonly db: Kysely<Database>;
}

export interface BuildAnnualReportInput {
  readonly agencyId: number;
  readonly year: number;
  /** Defaults to the format the year requires. */
  readonly format?: FormatId;
  /** The prose staff wrote for each section (一, 五 and 六 are prose only). */
  readonly sections?: Readonly<Partial<Record<SectionId, string>>>;
}

/**
 * The annual report of one agency for one year (Arts. 49-50), built from its applications, remedy cases, catalogue
 * and yearly counts; null when there is no such agency.
 */
export async function buildAnnualReport(ctx: BuildAnnualReportContext, input: BuildAnnualReportInput): Promise<Report | null> {
  const agency = await findAgencyName(ctx.db, input.agencyId);
  if (!agency) return null;
  const format = input.format ?? formatForYear(input.year);
  const data = await loadAgencyYear(ctx.db, agency.id, input.year, format);
  return buildReport({ agency: agency.name, year: input.year, format, ...data, ...(input.sections ? { sections: input.sections } : {}) });
}

/**
 * Every agency's annual report for one year (the province-wide build): the data of all agencies is aggregated in
 * one pass per table, not one query per agency. Agencies with no data get a report of zeros.
 */
export async function buildAllAnnualReports(
  ctx: BuildAnnualReportContext,
  input: { readonly year: number; readonly format?: FormatId },
): Promise<Map<number, Report>> {
  const format = input.format ?? formatForYear(input.year);
  const [agencies, data] = await Promise.all([listAgencyNames(ctx.db), loadAllAgenciesYear(ctx.db, input.year, format)]);
  const out = new Map<number, Report>();
  for (const agency of agencies) {
    const own = data.get(agency.id) ?? { applications: [], remedies: [], proactive: {} };
    out.set(agency.id, buildReport({ agency: agency.name, year: input.year, format, ...own }));
  }
  return out;
}
