/** The annual reports an agency has published: the list, each as a page, and DOCX / PDF / XLSX downloads. */
import type { FastifyInstance } from 'fastify';
import { RENDER_FILE_TYPES, renderReport } from '../../modules/annual-report/render/index.ts';
import { getPublishedReport } from '../../modules/annual-report/use-cases/get-published-report.ts';
import { listPublishedReports } from '../../modules/annual-report/use-cases/list-published-reports.ts';
import type { AppDeps } from '../app-deps.ts';
import { pageContext } from '../display-prefs.ts';
import { sendHttpError } from '../errors/send-error.ts';
import { DOWNLOAD_FORMATS, reportPage, reportsListPage, type DownloadFormat } from '../views/portal/reports-page.tsx';
import { publicAgency } from './public-agencies.ts';

const NOT_PUBLISHED = '该年度的报告尚未公布。';

function parseYear(text: string): number | null {
  return /^\d{4}$/.test(text) ? Number(text) : null;
}

export function reportRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { code: string } }>('/a/:code/reports', async (request, reply) => {
      const agency = await publicAgency(deps, request.params.code);
      reply.type('text/html; charset=utf-8');
      return reportsListPage(pageContext(request), agency, await listPublishedReports(deps, agency.id));
    });

    app.get<{ Params: { code: string; year: string } }>('/a/:code/reports/:year', async (request, reply) => {
      const agency = await publicAgency(deps, request.params.code);
      const year = parseYear(request.params.year);
      const published = year === null ? null : await getPublishedReport(deps, agency.id, year);
      if (!published) return sendHttpError(request, reply, { status: 404, code: 'report.notFound', message: NOT_PUBLISHED });
      reply.type('text/html; charset=utf-8');
      return reportPage(pageContext(request), agency, published);
    });

    app.get<{ Params: { code: string; year: string; format: string } }>('/a/:code/reports/:year/download/:format', async (request, reply) => {
      const agency = await publicAgency(deps, request.params.code);
      const year = parseYear(request.params.year);
      const format = DOWNLOAD_FORMATS.find(([f]) => f === request.params.format)?.[0] as DownloadFormat | undefined;
      const published = year === null || format === undefined ? null : await getPublishedReport(deps, agency.id, year);
      if (!published || !format) return sendHttpError(request, reply, { status: 404, code: 'report.notFound', message: NOT_PUBLISHED });
      const bytes = await renderReport(published.report, format);
      const type = RENDER_FILE_TYPES[format];
      const filename = `${agency.name}${published.year}年政府信息公开工作年度报告.${type.extension}`;
      reply
        .type(type.mediaType)
        .header('Content-Disposition', `attachment; filename="report-${published.year}.${type.extension}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
      return reply.send(bytes);
    });
  };
}
