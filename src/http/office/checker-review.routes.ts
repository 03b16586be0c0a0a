/** Office routes for the supervisor's checker: uploaded reports, findings on the tables, confirm or dismiss with a note. Registered inside the signed-in office scope (session and CSRF already checked). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';

export function officeCheckerRoutes(_deps: AppDeps) {
  return async (_office: FastifyInstance): Promise<void> => {};
}
