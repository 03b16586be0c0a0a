/**
 * The annual report screen: the report of one agency and year built from the data (Arts. 49-50), checked, shown
 * and exported. build-annual-report takes no actor, so the route asks the policy first (report.read).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize, can } from '../../modules/accounts/policy.ts';
import { subordinatesIn } from '../../modules/agencies/agencies.repository.ts';
import { checkReport } from '../../modules/annual-report/domain/checks/check-report.ts';
import { RENDER_FILE_TYPES, renderReport } from '../../modules/annual-report/render/index.ts';
import type { Report } from '../../modules/annual-report/domain/report.ts';
import { findLatestPublished } from '../../modules/annual-report/published-reports.repository.ts';
import { buildAnnualReport } from '../../modules/annual-report/use-cases/build-annual-report.ts';
import { publishAnnualReport } from '../../modules/annual-report/use-cases/publish-annual-report.ts';
import { rollUpReports } from '../../modules/annual-report/use-cases/roll-up-reports.ts';
import { isAppError } from '../../errors.ts';
import { statusForCode } from '../errors/error-status.ts';
import type { AppDeps } from '../app-deps.ts';
import { pageContext } from '../display-prefs.ts';
import { sendHttpError } from '../errors/send-error.ts';
import type { AgencyChoice } from '../views/office/dashboard-page.tsx';
import { EXPORT_FORMATS, reportPage, type ExportFormat } from '../views/office/report-page.tsx';
import { agencyChoices, html, parseId } from './office-context.ts';
import { sessionOf, type OfficeSession } from './session.ts';

/** Reports exist from 2008 (the first Regulations) to the year before next. */
function parseYear(text: string, today: string): number | null {
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  return year >= 2008 && year <= Number(today.slice(0, 4)) ? year : null;
}

async function load(deps: AppDeps, request: ReportRequest) {
  const session = sessionOf(request);
  const year = parseYear(request.params.year, deps.clock.today());
  const agencies = await agencyChoices(deps, session);
  const wanted = parseId(request.query.agency);
  const current = agencies.find((a) => a.id === wanted) ?? agencies[0];
  if (year === null || !current) return { session, year, agencies, current: undefined, report: null };
  await authorize(session.actor, 'report.read', current.id, subordinatesIn(deps.db));
  const report = await buildAnnualReport({ db: deps.db }, { agencyId: current.id, year });
  return { session, year, agencies, current, report };
}

type ReportRequest = FastifyRequest<{ Params: { year: string }; Querystring: { agency?: string } }>;

interface Loaded {
  readonly session: OfficeSession;
  readonly year: number;
  readonly agencies: readonly AgencyChoice[];
  readonly current: AgencyChoice;
  readonly report: Report;
}

/** The screen: the report, the Art. 49 reminder, the publish button, and the roll-up for a supervisor. */
async function screen(deps: AppDeps, request: ReportRequest, loaded: Loaded, message?: string): Promise<string> {
  const { session, year, agencies, current, report } = loaded;
  const subordinates = subordinatesIn(deps.db);
  const [published, canPublish, canRollUp] = await Promise.all([
    findLatestPublished(deps.db, current.id, year),
    can(session.actor, 'report.publish', current.id, subordinates),
    can(session.actor, 'rollup.read', current.id, subordinates),
  ]);
  const rollUp = canRollUp ? await rollUpReports({ db: deps.db, actor: session.actor }, { agencyId: current.id, year }) : undefined;
  const findings = checkReport(report, { expectedYear: year });
  return reportPage({
    ctx: pageContext(request),
    actor: session.actor,
    csrf: session.csrf,
    agencies,
    current,
    year,
    report,
    findings,
    published: published !== undefined,
    canPublish,
    today: deps.clock.today(),
    ...(rollUp ? { rollUp } : {}),
    ...(message ? { message } : {}),
  });
}

const NO_REPORT = '没有这一年度的报告：年度应在2008年至今年之间，且须选择您所在的机关。';

export function officeReportRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    // Art. 49: by 31 January each year the report on the year before is published; that is the one being prepared.
    app.get('/office/reports', async (_request, reply) => reply.redirect(`/office/reports/${Number(deps.clock.today().slice(0, 4)) - 1}`, 303));

    app.get<{ Params: { year: string }; Querystring: { agency?: string } }>('/office/reports/:year', async (request, reply) => {
      const { session, year, agencies, current, report } = await load(deps, request);
      if (year === null || !current || !report) return sendHttpError(request, reply, { status: 404, code: 'report.notFound', message: NO_REPORT });
      return html(reply).send(await screen(deps, request, { session, year, agencies, current, report }));
    });

    // Arts. 49-50: publish the report as built from the data; the policy decides who may (report.publish).
    app.post<{ Params: { year: string }; Querystring: { agency?: string } }>('/office/reports/:year/publish', async (request, reply) => {
      const { session, year, agencies, current, report } = await load(deps, request);
      if (year === null || !current || !report) return sendHttpError(request, reply, { status: 404, code: 'report.notFound', message: NO_REPORT });
      try {
        await publishAnnualReport({ db: deps.db, actor: session.actor, clock: deps.clock }, { agencyId: current.id, year });
      } catch (error) {
        if (!isAppError(error) || error.code !== 'report.hasErrors') throw error;
        return html(reply, statusForCode(error.code)).send(await screen(deps, request, { session, year, agencies, current, report }, error.message));
      }
      return reply.redirect(`/office/reports/${year}?agency=${current.id}`, 303);
    });

    app.get<{ Params: { year: string; format: string }; Querystring: { agency?: string } }>('/office/reports/:year/export/:format', async (request, reply) => {
      const format = EXPORT_FORMATS.find(([f]) => f === request.params.format)?.[0] as ExportFormat | undefined;
      const { year, current, report } = await load(deps, request);
      if (year === null || !current || !report || !format) return sendHttpError(request, reply, { status: 404, code: 'report.notFound', message: NO_REPORT });
      const bytes = await renderReport(report, format, { findings: checkReport(report, { expectedYear: year }) });
      const type = RENDER_FILE_TYPES[format];
      const filename = `${current.name}${year}年政府信息公开工作年度报告.${type.extension}`;
      return reply
        .header('Cache-Control', 'no-store')
        .type(type.mediaType)
        .header('Content-Disposition', `attachment; filename="report-${year}.${type.extension}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(bytes);
    });
  };
}
