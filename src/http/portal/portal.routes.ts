/** The public portal: no login, server-rendered, usable without JavaScript. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { pageContext } from '../display-prefs.ts';
import { homePage } from '../views/portal/home-page.tsx';
import { applyRoutes } from './apply.routes.ts';
import type { PublicCatalogue } from './catalogue-port.ts';
import { catalogueRoutes } from './catalogue.routes.ts';
import type { PageCache } from './page-cache.ts';
import { publicAgencies } from './public-agencies.ts';
import { reportRoutes } from './reports.routes.ts';
import { statusRoutes } from './status.routes.ts';

export function portalRoutes(deps: AppDeps, catalogue: PublicCatalogue, pages: PageCache) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/', async (request, reply) => {
      reply.type('text/html; charset=utf-8');
      return homePage(pageContext(request), await publicAgencies(deps));
    });
    await app.register(catalogueRoutes(deps, catalogue, pages));
    await app.register(applyRoutes(deps));
    await app.register(statusRoutes(deps));
    await app.register(reportRoutes(deps));
  };
}
