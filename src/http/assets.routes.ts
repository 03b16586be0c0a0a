/** Static assets shipped in the package (nothing is loaded from outside the server): the site's stylesheet. */
import type { FastifyInstance } from 'fastify';
import { SITE_CSS } from './views/site-css.ts';

export async function assetRoutes(app: FastifyInstance): Promise<void> {
  // the page links it with its content hash in the query: whatever the query, this is the current version
  app.get('/assets/site.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=31536000, immutable').send(SITE_CSS),
  );
}
