/** The agency's disclosure site: its home, guide, rules, the catalogue with filters, item pages, attachments, search. */
import type { FastifyInstance } from 'fastify';
import { isAppError } from '../../errors.ts';
import { VALIDITIES, type Validity } from '../../modules/catalogue/domain/categories.ts';
import type { AppDeps } from '../app-deps.ts';
import { pageContext } from '../display-prefs.ts';
import { sendHttpError } from '../errors/send-error.ts';
import { agencyHomePage } from '../views/portal/agency-home-page.tsx';
import { cataloguePage } from '../views/portal/catalogue-page.tsx';
import { guidePage, rulesPage } from '../views/portal/guide-page.tsx';
import { itemPage } from '../views/portal/item-page.tsx';
import { searchPage } from '../views/portal/search-page.tsx';
import type { CatalogueFilter, PublicCatalogue } from './catalogue-port.ts';
import { publicAgency } from './public-agencies.ts';

type Query = Record<string, string | undefined>;

function intIn(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !/^\d{1,6}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/** Filters from the query string; a value that is not one of the choices is ignored, never an error page. */
export function parseFilter(q: Query): CatalogueFilter {
  const issuingBody = q['issuingBody']?.trim();
  const validity = VALIDITIES.find((v) => v === q['validity']) as Validity | undefined;
  const category = intIn(q['category'], 1, 15);
  const year = intIn(q['year'], 1949, 2100);
  return {
    ...(category !== undefined ? { category } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(issuingBody && issuingBody.length <= 200 ? { issuingBody } : {}),
    ...(validity ? { validity } : {}),
    page: intIn(q['page'], 1, 10_000) ?? 1,
  };
}

const ITEM_GONE = '该信息不存在或已不再公开。';

export function catalogueRoutes(deps: AppDeps, catalogue: PublicCatalogue) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { code: string } }>('/a/:code', async (request, reply) => {
      const agency = await publicAgency(deps, request.params.code);
      const [latest, counts] = await Promise.all([catalogue.list(agency.id, { page: 1 }), catalogue.columnCounts(agency.id)]);
      reply.type('text/html; charset=utf-8');
      return agencyHomePage(pageContext(request), agency, latest.items.slice(0, 8), counts);
    });

    app.get<{ Params: { code: string } }>('/a/:code/guide', async (request, reply) => {
      const agency = await publicAgency(deps, request.params.code);
      reply.type('text/html; charset=utf-8');
      return guidePage(pageContext(request), agency);
    });

    app.get<{ Params: { code: string } }>('/a/:code/rules', async (request, reply) => {
      const agency = await publicAgency(deps, request.params.code);
      reply.type('text/html; charset=utf-8');
      return rulesPage(pageContext(request), agency);
    });

    app.get<{ Params: { code: string }; Querystring: Query }>('/a/:code/catalogue', async (request, reply) => {
      const agency = await publicAgency(deps, request.params.code);
      const filter = parseFilter(request.query);
      const [result, choices, counts] = await Promise.all([
        catalogue.list(agency.id, filter),
        catalogue.filterChoices(agency.id),
        catalogue.columnCounts(agency.id),
      ]);
      reply.type('text/html; charset=utf-8');
      return cataloguePage({ ctx: pageContext(request), agency, filter, result, counts, ...choices });
    });

    app.get<{ Params: { code: string; id: string } }>('/a/:code/items/:id', async (request, reply) => {
      const agency = await publicAgency(deps, request.params.code);
      const id = intIn(request.params.id, 1, 2 ** 31 - 1);
      const item = id === undefined ? null : await catalogue.item(agency.id, id);
      if (!item) return sendHttpError(request, reply, { status: 404, code: 'catalogue.notFound', message: ITEM_GONE });
      reply.type('text/html; charset=utf-8');
      return itemPage(pageContext(request), agency, item, await catalogue.attachments(agency.id, item.id));
    });

    app.get<{ Params: { code: string; id: string; attachmentId: string } }>('/a/:code/items/:id/attachments/:attachmentId', async (request, reply) => {
      const agency = await publicAgency(deps, request.params.code);
      const id = intIn(request.params.id, 1, 2 ** 31 - 1);
      const attachmentId = intIn(request.params.attachmentId, 1, 2 ** 31 - 1);
      const file = id === undefined || attachmentId === undefined ? null : await catalogue.attachment(agency.id, id, attachmentId);
      if (!file) return sendHttpError(request, reply, { status: 404, code: 'attachment.notFound', message: '附件不存在。' });
      reply
        .type(file.mime)
        .header('Content-Disposition', `attachment; filename="attachment-${file.id}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
      return reply.send(file.bytes);
    });

    app.get<{ Params: { code: string }; Querystring: Query }>('/a/:code/search', async (request, reply) => {
      const agency = await publicAgency(deps, request.params.code);
      const q = (request.query['q'] ?? '').trim();
      const ctx = pageContext(request);
      reply.type('text/html; charset=utf-8');
      if (q === '') return searchPage({ ctx, agency, q, result: null });
      if (q.length > 100) return reply.status(400).send(searchPage({ ctx, agency, q: q.slice(0, 100), result: null, error: '搜索词不能超过100个字' }));
      try {
        const result = await catalogue.search(agency.id, q, intIn(request.query['page'], 1, 500) ?? 1);
        return searchPage({ ctx, agency, q, result });
      } catch (error) {
        if (!isAppError(error) || (error.code !== 'catalogue.search.queryTooShort' && error.code !== 'input.invalid')) throw error;
        return reply.status(400).send(searchPage({ ctx, agency, q, result: null, error: error.message }));
      }
    });
  };
}
