/** Office routes for proactive-disclosure publishing: catalogue items from draft through review to published. Registered inside the signed-in office scope (session and CSRF already checked). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';

export function officeCatalogueRoutes(_deps: AppDeps) {
  return async (_office: FastifyInstance): Promise<void> => {};
}
