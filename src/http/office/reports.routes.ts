/**
 * The annual report screen: the report of one agency and year built from the data (Arts. 49-50) with the prose staff
 * write in place, checked, shown and exported. build-annual-report takes no actor, so the route asks the policy
 * first (report.read); saving the prose and publishing ask it again inside their use cases.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize, can } from '../../modules/accounts/policy.ts';
import { subordinatesIn } from '../../modules/agencies/agencies.repository.ts';
import { checkReport } from '../../modules/annual-report/domain/checks/check-report.ts';
import { RENDER_FILE_TYPES, renderReport } from '../../modules/annual-report/render/index.ts';
import type { Finding } from '../../modules/annual-report/domain/finding.ts';
import type { Report } from '../../modules/annual-report/domain/report.ts';
import { findLatestPublished } from '../../modules/annual-report/published-reports.repository.ts';
import { buildAnnualReport } from '../../modules/annual-report/use-cases/build-annual-report.ts';
import { publishAnnualReport } from '../../modules/annual-report/use-cases/publish-annual-report.ts';
import {
  getReportSections,
  narrativeFindingsBySection,
  saveReportSections,
  SECTION_MAX_LENGTH,
  sectionLabel,
  sectionsOfYear,
  startingText,
} from '../../modules/annual-report/use-cases/report-sections.ts';
import { rollUpReports } from '../../modules/annual-report/use-cases/roll-up-reports.ts';
import { AppError, isAppError } from '../../errors.ts';
import { statusForCode } from '../errors/error-status.ts';
import type { AppDeps } from '../app-deps.ts';
import { CSRF_FIELD } from '../csrf.ts';
import { pageContext } from '../display-prefs.ts';
import { issuesOf } from '../errors/error-handler.ts';
import { sendHttpError } from '../errors/send-error.ts';
import { formFields } from '../forms/form-body.ts';
import type { AgencyChoice } from '../views/office/dashboard-page.tsx';
import { EXPORT_FORMATS, reportPage, type ExportFormat } from '../views/office/report-page.tsx';
import type { SectionField } from '../views/office/report-sections-form.tsx';
import { agencyChoices, html, parseId } from './office-context.ts';
import { sessionOf, type OfficeSession } from './session.ts';

/** Reports exist from 2008 (the first Regulations) to the year before next. */
function parseYear(text: string, today: string): number | null {
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  return year >= 2008 && year <= Number(today.slice(0, 4)) ? year : null;
}

/**
 * The session, year, agency and report of a request. A page falls back to the actor's own agency; a POST (which
 * writes) must name one of the actor's agencies or is refused, never redirected to another agency's report.
 */
async function load(deps: AppDeps, request: ReportRequest) {
  const session = sessionOf(request);
  const year = parseYear(request.params.year, deps.clock.today());
  const agencies = await agencyChoices(deps, session);
  const wanted = parseId(request.query.agency);
  const named = agencies.find((a) => a.id === wanted);
  if (request.method === 'POST' && request.query.agency !== undefined && !named) {
    throw new AppError('access.denied', '您没有权限在该机关办理此事项。如需权限，请联系本机关管理员。', { agencyId: wanted });
  }
  const current = named ?? agencies[0];
  if (year === null || !current) return { session, year, agencies, current: undefined, report: null };
  await authorize(session.actor, 'report.read', current.id, subordinatesIn(deps.db));
  const report = await buildAnnualReport({ db: deps.db }, { agencyId: current.id, year });
  return { session, year, agencies, current, report };
}

type ReportRequest = FastifyRequest<{ Params: { year: string }; Querystring: { agency?: string; saved?: string } }>;

interface Loaded {
  readonly session: OfficeSession;
  readonly year: number;
  readonly agencies: readonly AgencyChoice[];
  readonly current: AgencyChoice;
  readonly report: Report;
}

/** What a refused save sends back into the form: the submitted texts and the error of each field. */
interface SectionsFeedback {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

const FIELD_PREFIX = 'sections.';

const SECTION_HINTS: Partial<Record<string, string>> = {
  overview: '概述本年度主动公开、依申请公开、政府信息管理、平台建设和监督保障等情况。',
  proactive: '表二按主动公开目录和年度数据生成；这里写表前的说明文字。',
  applications: '表三按登记的申请生成；正文中的申请件数会与表三核对。',
  remedies: '表四按复议诉讼记录生成；正文中的复议、诉讼件数会与表四核对。',
};

/** Art. 50 / 2021 format: 六 reports the information-processing fees charged (国办函〔2020〕109号). */
const FEE_HINT = '应报告收取信息处理费的情况（发出收费通知的件数和总金额）。';

/** The text boxes: the submitted text after a refused save, else the saved text, else a first draft. */
function sectionFields(
  year: number,
  report: Report,
  findings: readonly Finding[],
  saved: Readonly<Record<string, string>>,
  feedback: SectionsFeedback | undefined,
): SectionField[] {
  const placed = narrativeFindingsBySection(report, findings);
  return sectionsOfYear(year).map((def) => {
    const name = `${FIELD_PREFIX}${def.id}`;
    const hint = def.id === 'other' && report.format === '2021' ? FEE_HINT : SECTION_HINTS[def.id];
    return {
      name,
      label: sectionLabel(def),
      ...(hint ? { hint } : {}),
      value: feedback?.values[name] ?? saved[def.id] ?? startingText(report, def.id),
      findings: placed.get(def.id) ?? [],
    };
  });
}

/** The screen: the prose editor, the report, the Art. 49 reminder, the publish button, the roll-up for a supervisor. */
async function screen(deps: AppDeps, request: ReportRequest, loaded: Loaded, message?: string, feedback?: SectionsFeedback): Promise<string> {
  const { session, year, agencies, current, report } = loaded;
  const subordinates = subordinatesIn(deps.db);
  const [published, canPublish, canRollUp, canEdit, saved] = await Promise.all([
    findLatestPublished(deps.db, current.id, year),
    can(session.actor, 'report.publish', current.id, subordinates),
    can(session.actor, 'rollup.read', current.id, subordinates),
    can(session.actor, 'report.build', current.id, subordinates),
    getReportSections({ db: deps.db, actor: session.actor }, { agencyId: current.id, year }),
  ]);
  const rollUp = canRollUp ? await rollUpReports({ db: deps.db, actor: session.actor }, { agencyId: current.id, year }) : undefined;
  const findings = checkReport(report, { expectedYear: year });
  return reportPage({
    sections: {
      action: `/office/reports/${year}/sections?agency=${current.id}`,
      csrf: session.csrf,
      fields: sectionFields(year, report, findings, saved.texts, feedback),
      maxLength: SECTION_MAX_LENGTH,
      canEdit,
      errors: feedback?.errors ?? {},
      saved: feedback === undefined && request.query.saved === '1',
      lastSaved: saved.lastSaved,
    },
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

    // The prose of the report, saved by a clerk, reviewer or administrator of the agency (report.build). Six sections
    // of up to 20,000 characters, percent-encoded, need more than the server's 1 MiB default.
    app.post<{ Params: { year: string }; Querystring: { agency?: string } }>('/office/reports/:year/sections', { bodyLimit: 4 * 1024 * 1024 }, async (request, reply) => {
      const { session, year, agencies, current, report } = await load(deps, request);
      if (year === null || !current || !report) return sendHttpError(request, reply, { status: 404, code: 'report.notFound', message: NO_REPORT });
      const fields = Object.entries(formFields(request.body)).filter(([name]) => name !== CSRF_FIELD && name.startsWith(FIELD_PREFIX));
      const sections = Object.fromEntries(fields.map(([name, value]) => [name.slice(FIELD_PREFIX.length), value]));
      try {
        await saveReportSections({ db: deps.db, actor: session.actor, clock: deps.clock }, { agencyId: current.id, year, sections });
      } catch (error) {
        if (!isAppError(error) || error.code !== 'input.invalid') throw error;
        // the use case names fields as the form does (sections.overview), so each error lands beside its box
        const feedback = { values: Object.fromEntries(fields), errors: Object.fromEntries(issuesOf(error).map((i) => [i.field, i.message])) };
        return html(reply, statusForCode(error.code)).send(await screen(deps, request, { session, year, agencies, current, report }, undefined, feedback));
      }
      return reply.redirect(`/office/reports/${year}?agency=${current.id}&saved=1`, 303);
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
