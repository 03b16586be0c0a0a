/**
 * How an error reaches the caller: on /api as JSON `{ "error": { "code", "field", "message", "issues" } }`, on pages
 * as a Chinese HTML page. Field paths are dotted (`applicant.idNumber`).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pageContext } from '../display-prefs.ts';
import { errorPage } from '../views/portal/error-page.tsx';

export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

export interface HttpError {
  readonly status: number;
  /** An AppError code, or one of the web layer's own: rate.limited, request.invalid, route.notFound, server.error. */
  readonly code: string;
  readonly message: string;
  readonly field?: string | null;
  readonly issues?: readonly FieldIssue[];
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url === '/api' || request.url.startsWith('/api/');
}

export function errorJson(error: HttpError) {
  return {
    error: {
      code: error.code,
      field: error.field ?? error.issues?.[0]?.field ?? null,
      message: error.message,
      ...(error.issues && error.issues.length > 0 ? { issues: error.issues } : {}),
    },
  };
}

export async function sendHttpError(request: FastifyRequest, reply: FastifyReply, error: HttpError): Promise<FastifyReply> {
  reply.status(error.status);
  if (isApiRequest(request)) return reply.type('application/json; charset=utf-8').send(errorJson(error));
  return reply.type('text/html; charset=utf-8').send(errorPage(pageContext(request), error.status, error.message, error.issues ?? []));
}
