/** The agency's disclosure site: its home, guide, rules, the catalogue with filters, item pages, attachments, search. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../errors.ts';
import { VALIDITIES, type Validity } from '../../modules/catalogue/domain/categories.ts';
import type { AppDeps } from '../app-deps.ts';
import { pageContext } from '../display-prefs.ts';
import type { PageContext } from '../views/page-context.ts';
import type { AgencyView } from '../../modules/agencies/agency-view.ts';
import { sendHttpError } from '../errors/send-error.ts';
import { agencyHomePage } from '../views/portal/agency-home-page.tsx';
import { cataloguePage } from '../views/portal/catalogue-page.tsx';
import { guidePage, rulesPage } from '../views/portal/guide-page.tsx';
import { itemPage } from '../views/portal/item-page.tsx';
import { searchPage } from '../views/portal/search-page.tsx';
import type { CatalogueFilter, PublicCatalogue } from './catalogue-port.ts';
import type { KeptPage, PageCache } from './page-cache.ts';
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
/** An HTML page from the kept pages or just rendered; X-Page-Cache says which (for operators and the benchmark). */
function sendKept(reply: FastifyReply, page: KeptPage) {
  return reply.type('text/html; charset=utf-8').header('X-Page-Cache', page.hit ? 'hit' : 'miss').send(page.bytes);
}

/**
 * Everything a kept page was rendered from besides the database's catalogue: the agency as shown, its public
 * catalogue version, the day (Art. 26 timeliness and the years offered follow it), the display choice and the URL.
 */
function pageKey(agency: AgencyView, version: number, today: string, ctx: PageContext): string {
  return `${agency.id}\u0000${version}\u0000${today}\u0000${ctx.largeText ? 'large' : 'normal'}\u0000${ctx.url}\u0000${JSON.stringify(agency)}`;
}

export function catalogueRoutes(deps: AppDeps, catalogue: PublicCatalogue, pages: PageCache) {
  /** The agency of the URL and the key of its page as this request would render it. */
  const keyed = async (request: FastifyRequest<{ Params: { code: string } }>) => {
    const agency = await publicAgency(deps, request.params.code);
    const ctx = pageContext(request);
    const key = pageKey(agency, await catalogue.version(agency.id), deps.clock.today(), ctx);
    return { agency, ctx, key };
  };
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { code: string } }>('/a/:code', async (request, reply) => {
      const { agency, ctx, key } = await keyed(request);
      const html = await pages.page(key, async () => {
        const [latest, counts] = await Promise.all([catalogue.list(agency.id, { page: 1 }), catalogue.columnCounts(agency.id)]);
        return agencyHomePage(ctx, agency, latest.items.slice(0, 8), counts);
      });
      return sendKept(reply, html);
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
      const { agency, ctx, key } = await keyed(request);
      const html = await pages.page(key, async () => {
        const filter = parseFilter(request.query);
        const [result, choices, counts] = await Promise.all([
          catalogue.list(agency.id, filter),
          catalogue.filterChoices(agency.id),
          catalogue.columnCounts(agency.id),
        ]);
        return cataloguePage({ ctx, agency, filter, result, counts, ...choices });
      });
      return sendKept(reply, html);
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
      const q = (request.query['q'] ?? '').trim();
      reply.type('text/html; charset=utf-8');
      if (q.length > 100) {
        const agency = await publicAgency(deps, request.params.code);
        return reply.status(400).send(searchPage({ ctx: pageContext(request), agency, q: q.slice(0, 100), result: null, error: '搜索词不能超过100个字' }));
      }
      const { agency, ctx, key } = await keyed(request);
      if (q === '') return searchPage({ ctx, agency, q, result: null });
      try {
        const html = await pages.page(key, async () => searchPage({ ctx, agency, q, result: await catalogue.search(agency.id, q, intIn(request.query['page'], 1, 500) ?? 1) }));
        return sendKept(reply, html);
      } catch (error) {
        if (!isAppError(error) || (error.code !== 'catalogue.search.queryTooShort' && error.code !== 'input.invalid')) throw error;
        return reply.status(400).send(searchPage({ ctx, agency, q, result: null, error: error.message }));
      }
    });
  };
}
