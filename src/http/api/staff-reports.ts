/**
 * The staff API's annual report (Arts. 49-50): the report of an agency and a year built from the data, with the
 * checker's findings, and publishing it (a reviewer; refused while the checker finds errors). build-annual-report
 * takes no actor, so the route asks the policy first, as the office's report screen does.
 */
import { AppError } from '../../errors.ts';
import { authorize } from '../../modules/accounts/policy.ts';
import { subordinatesIn } from '../../modules/agencies/agencies.repository.ts';
import { checkReport } from '../../modules/annual-report/domain/checks/index.ts';
import { formatForYear } from '../../modules/annual-report/domain/formats/index.ts';
import { buildAnnualReport } from '../../modules/annual-report/use-cases/build-annual-report.ts';
import { publishAnnualReport } from '../../modules/annual-report/use-cases/publish-annual-report.ts';
import { parseInput } from '../../modules/applications/applications.schemas.ts';
import { agencyNotFound } from './staff-applications.ts';
import { pathId, type StaffOperation } from './staff-operation.ts';
import { presentPublished, presentReportBuild } from './staff-presenters.ts';
import { reportPublishBody, reportQuery } from './staff-schemas.ts';

const reportNotFound = () => new AppError('agency.notFound', '没有这一年度的报告：年度应在2008年至今年之间。');

/** Reports exist from 2008 (the first Regulations) to this year. */
function parseYear(raw: string | undefined, today: string): number {
  const year = raw !== undefined && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!(year >= 2008 && year <= Number(today.slice(0, 4)))) throw reportNotFound();
  return year;
}

const PARAMS = { agencyId: '机关编号（令牌所属机关）', year: '年度（2008年至今年）' };

export const REPORT_OPERATIONS: readonly StaffOperation[] = [
  {
    method: 'GET',
    path: '/api/v1/staff/agencies/:agencyId/reports/:year',
    operationId: 'staffBuildAnnualReport',
    summary: '由办理数据生成的年度报告及其检查结果（条例第四十九条、第五十条）',
    params: PARAMS,
    query: reportQuery,
    response: { status: 200, name: 'ReportBuild', description: '报告（gongkai.report/1）与检查结果' },
    errors: { '400': '格式有误（field: format）', '403': '令牌无权查看该机关的报告', '404': '机关或年度不存在' },
    handle: async ({ deps, ctx, params, query }) => {
      const agencyId = pathId(params['agencyId'], agencyNotFound);
      const year = parseYear(params['year'], deps.clock.today());
      const q = parseInput(reportQuery, query);
      await authorize(ctx.actor, 'report.read', agencyId, subordinatesIn(deps.db));
      const format = q.format ?? formatForYear(year);
      const report = await buildAnnualReport({ db: deps.db }, { agencyId, year, format });
      if (!report) throw agencyNotFound();
      return presentReportBuild(agencyId, year, format, report, checkReport(report, { expectedYear: year }));
    },
  },
  {
    method: 'POST',
    path: '/api/v1/staff/agencies/:agencyId/reports/:year/publish',
    operationId: 'staffPublishAnnualReport',
    summary: '发布年度报告（审核人；检查发现错误时不能发布）',
    params: PARAMS,
    body: { name: 'ReportPublishInput', schema: () => reportPublishBody },
    response: { status: 201, name: 'ReportPublished', description: '发布的新版本' },
    errors: { '400': '输入有误', '403': '令牌的角色或机关不能发布（须审核人）', '404': '机关或年度不存在', '409': '检查发现错误（report.hasErrors）' },
    handle: async ({ deps, ctx, params, body }) => {
      const agencyId = pathId(params['agencyId'], agencyNotFound);
      const year = parseYear(params['year'], deps.clock.today());
      const b = parseInput(reportPublishBody, body);
      const published = await publishAnnualReport({ db: deps.db, actor: ctx.actor, clock: deps.clock }, { agencyId, year, ...(b.sections ? { sections: b.sections } : {}) });
      return presentPublished(published);
    },
  },
];
