import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { openApiDocument } from './openapi.ts';

/** GET /api/openapi.json: the OpenAPI 3.1 description of the public API. */
export function openApiRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/openapi.json', async () => openApiDocument(deps.clock.today()));
  };
}
