import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';
import { actorLabel, authorize, type Actor } from '../../accounts/policy.ts';
import { subordinatesIn } from '../../agencies/agencies.repository.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { checkReport } from '../domain/checks/index.ts';
import type { SectionId } from '../domain/formats/index.ts';
import { renderReportJson } from '../render/json.ts';
import { buildAnnualReport } from './build-annual-report.ts';

export interface PublishAnnualReportContext {
  readonly db: Kysely<Database>;
  readonly actor: Actor;
  readonly clock: { now(): Date };
}

export interface PublishAnnualReportInput {
  readonly agencyId: number;
  readonly year: number;
  /** The prose to publish; defaults to the texts saved on the report screen (report-sections.ts). */
  readonly sections?: Readonly<Partial<Record<SectionId, string>>>;
}

export interface PublishedVersion {
  readonly agencyId: number;
  readonly year: number;
  readonly version: number;
  readonly publishedAt: string;
}

/**
 * Arts. 49-50: publishes the annual report of one agency and year as built from its data, with the prose given or
 * else the prose saved for it, as a new version. A report the checker finds errors in is refused; warnings (prose
 * that disagrees with a table among them) do not stop it.
 */
export async function publishAnnualReport(ctx: PublishAnnualReportContext, input: PublishAnnualReportInput): Promise<PublishedVersion> {
  await authorize(ctx.actor, 'report.publish', input.agencyId, subordinatesIn(ctx.db));
  const report = await buildAnnualReport({ db: ctx.db }, { agencyId: input.agencyId, year: input.year, ...(input.sections ? { sections: input.sections } : {}) });
  if (!report) throw new AppError('agency.notFound', '没有这个机关。', { agencyId: input.agencyId });
  const errors = checkReport(report, { expectedYear: input.year }).filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new AppError('report.hasErrors', `年度报告检查发现${errors.length}处错误，改正后才能发布。`, {
      agencyId: input.agencyId,
      year: input.year,
      errors: errors.map((f) => f.message),
    });
  }
  const publishedAt = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('annual_reports')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('agency_id', '=', input.agencyId)
      .where('year', '=', input.year)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    await trx
      .insertInto('annual_reports')
      .values({
        agency_id: input.agencyId,
        year: input.year,
        format: report.format,
        version,
        status: 'published',
        report_json: renderReportJson(report),
        published_at: publishedAt,
        created_at: publishedAt,
      })
      .execute();
    await appendAudit(trx, {
      agencyId: input.agencyId,
      actor: actorLabel(ctx.actor),
      action: 'report.published',
      subject: `annual-report:${input.year}`,
      details: { year: input.year, version, format: report.format },
      at: publishedAt,
    });
    return { agencyId: input.agencyId, year: input.year, version, publishedAt };
  });
}
