/**
 * Authentication of the staff API: `Authorization: Bearer <token>`, resolved by the accounts module to a token actor
 * (one role in one agency). Nothing else authenticates here: a session cookie is never read, so the API has no CSRF
 * surface (a browser does not add the header on its own). A missing, unknown, expired or revoked token is 401.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import type { TokenActor } from '../../modules/accounts/policy.ts';
import { resolveApiToken } from '../../modules/accounts/use-cases/resolve-api-token.ts';
import type { UseCaseContext } from '../../modules/applications/use-cases/context.ts';
import type { AppDeps } from '../app-deps.ts';

const actors = new WeakMap<FastifyRequest, TokenActor>();

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** The onRequest hook of the staff API scope: establishes the token actor or answers 401 before the body is read. */
export function authenticateToken(deps: AppDeps) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    reply.header('Cache-Control', 'no-store');
    const token = bearerToken(request);
    if (token === null) {
      reply.header('WWW-Authenticate', 'Bearer realm="gongkai"');
      throw new AppError('account.token.invalid', '请在请求头 Authorization 中提供接口令牌（Bearer）。', { field: 'Authorization' });
    }
    try {
      actors.set(request, await resolveApiToken({ db: deps.db, clock: deps.clock }, token));
    } catch (error) {
      reply.header('WWW-Authenticate', 'Bearer realm="gongkai", error="invalid_token"');
      throw error;
    }
  };
}

/** The use-case context of the calling system. */
export function tokenContext(deps: AppDeps, request: FastifyRequest): UseCaseContext {
  const actor = actors.get(request);
  if (!actor) throw new Error('staff API route reached without a token actor');
  return { db: deps.db, actor, clock: deps.clock, calendar: deps.calendar };
}
