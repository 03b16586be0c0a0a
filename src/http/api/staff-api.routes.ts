/** The staff part of the JSON API under /api/v1, authenticated by API token (Authorization: Bearer). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';

export function staffApiRoutes(_deps: AppDeps) {
  return async (_app: FastifyInstance): Promise<void> => {};
}
