/** Office routes for the letters (告知书) of an application and the agency's letter templates. Registered inside the signed-in office scope (session and CSRF already checked). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';

export function letterRoutes(_deps: AppDeps) {
  return async (_office: FastifyInstance): Promise<void> => {};
}
