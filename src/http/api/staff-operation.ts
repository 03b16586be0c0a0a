/**
 * One staff API operation, declared once: the route the server registers and the entry of the OpenAPI document
 * both come from it, so the document cannot miss a route. The handler receives the token's use-case context, the
 * path parameters, the query and the JSON body (an absent body is `{}`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { UseCaseContext } from '../../modules/applications/use-cases/context.ts';
import type { AppDeps } from '../app-deps.ts';
import { tokenContext } from './staff-auth.ts';

export interface StaffCall {
  readonly deps: AppDeps;
  readonly ctx: UseCaseContext;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: Readonly<Record<string, unknown>>;
  /** For an operation that reads a multipart body or answers with a file (staff-attachments.ts); others use the above. */
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

export interface StaffOperation {
  readonly method: 'GET' | 'POST';
  /** Fastify style: `/api/v1/staff/applications/:id` */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  /** path parameters and what they are */
  readonly params: Readonly<Record<string, string>>;
  readonly query?: z.ZodObject;
  /** the request body for the document: a component name and its schema as of `today` */
  readonly body?: {
    readonly name: string;
    readonly schema: (today: string) => z.ZodType;
    readonly extra?: { readonly name: string; readonly schema: (today: string) => z.ZodType };
    /** default application/json; multipart/form-data for an upload (the handler reads it from `request`) */
    readonly mediaType?: 'multipart/form-data';
  };
  readonly response: {
    readonly status: 200 | 201;
    readonly name: string;
    readonly description: string;
    /** the response's schema, when staff-response-schemas.ts does not hold it */
    readonly schema?: z.ZodType;
    /** a file (any type) instead of JSON: the handler sets its headers */
    readonly file?: true;
  };
  /** the error statuses this operation answers besides 401 (status → description) */
  readonly errors: Readonly<Record<string, string>>;
  readonly handle: (call: StaffCall) => Promise<unknown>;
}

/** A numeric id from the path; anything else is the thing not found. */
export function pathId(raw: string | undefined, notFound: () => AppError): number {
  if (raw === undefined || !/^\d{1,9}$/.test(raw) || Number(raw) === 0) throw notFound();
  return Number(raw);
}

function jsonBody(request: FastifyRequest): Record<string, unknown> {
  const body: unknown = request.body;
  if (body === undefined || body === null) return {};
  const type = String(request.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type) || typeof body !== 'object' || Array.isArray(body)) {
    const message = '请求体应为 JSON 对象（Content-Type: application/json）。';
    throw new AppError('input.invalid', message, { issues: [{ path: '', message }] });
  }
  return body as Record<string, unknown>;
}

export function registerOperations(app: FastifyInstance, deps: AppDeps, operations: readonly StaffOperation[]): void {
  for (const op of operations) {
    app.route({
      method: op.method,
      url: op.path,
      handler: async (request, reply) => {
        const result = await op.handle({
          deps,
          ctx: tokenContext(deps, request),
          params: (request.params ?? {}) as Record<string, string>,
          query: (request.query ?? {}) as Record<string, unknown>,
          body: op.method === 'POST' ? jsonBody(request) : {},
          request,
          reply,
        });
        return reply.status(op.response.status).header('Cache-Control', 'no-store').send(result);
      },
    });
  }
}
