/**
 * The staff part of the JSON API under /api/v1/staff, for other systems (a provincial platform, a document
 * management system) acting with an API token: `Authorization: Bearer <token>`, one role in one agency. Every route
 * is declared once as an operation (staff-operation.ts), from which the OpenAPI document is generated too.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { APPLICATION_OPERATIONS } from './staff-applications.ts';
import { ATTACHMENT_OPERATIONS } from './staff-attachments.ts';
import { authenticateToken } from './staff-auth.ts';
import { CATALOGUE_OPERATIONS } from './staff-catalogue.ts';
import { registerOperations, type StaffOperation } from './staff-operation.ts';
import { REPORT_OPERATIONS } from './staff-reports.ts';

export const STAFF_API_PREFIX = '/api/v1/staff';

export const STAFF_OPERATIONS: readonly StaffOperation[] = [...APPLICATION_OPERATIONS, ...CATALOGUE_OPERATIONS, ...REPORT_OPERATIONS, ...ATTACHMENT_OPERATIONS];

export function staffApiRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(async (scope) => {
      // before the body is parsed: nothing of an unauthenticated request is read
      scope.addHook('onRequest', authenticateToken(deps));
      registerOperations(scope, deps, STAFF_OPERATIONS);
    });
  };
}
