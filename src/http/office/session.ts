/**
 * The staff session on office pages: the session token from sign-in in an HttpOnly, SameSite=Lax cookie (Secure
 * over https), resolved on every request by the accounts module (roles read afresh). Every office form carries a
 * per-session CSRF token derived from the session token, so it needs no storage and dies with the session.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../errors.ts';
import type { StaffActor } from '../../modules/accounts/policy.ts';
import { resolveSession } from '../../modules/accounts/use-cases/resolve-session.ts';
import type { AppDeps } from '../app-deps.ts';

export const SESSION_COOKIE = 'gk_session';
export const LOGIN_PATH = '/office/login';

export interface OfficeSession {
  readonly actor: StaffActor;
  readonly sessionId: number;
  /** The CSRF token every office form of this session carries. */
  readonly csrf: string;
}

export function sessionCsrfToken(sessionToken: string): string {
  return createHmac('sha256', 'gongkai/office/csrf').update(sessionToken).digest('base64url');
}

/**
 * A browser-session cookie: the server alone decides when the session ends (resolve-session checks its expiry), so
 * the cookie carries no date of its own that a wrong clock on either side could cut short.
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/office', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/office', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}

/** The session of this request, or null when there is none or it has ended. */
export async function currentSession(deps: AppDeps, request: FastifyRequest): Promise<OfficeSession | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  try {
    const resolved = await resolveSession({ db: deps.db, clock: deps.clock }, token);
    return { actor: resolved.actor, sessionId: resolved.sessionId, csrf: sessionCsrfToken(token) };
  } catch (error) {
    if (isAppError(error) && error.code === 'account.session.invalid') return null;
    throw error;
  }
}

export function sessionCsrfMatches(session: OfficeSession, submitted: unknown): boolean {
  if (typeof submitted !== 'string') return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Where to come back after signing in: only a path inside the office, never another site. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/office(\/[A-Za-z0-9/_-]*)?(\?[A-Za-z0-9=&_%-]*)?$/.test(value) ? value : '/office';
}

/** A request without a session is sent to the login page (303, so a POST becomes a GET there). */
export function toLogin(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const next = request.method === 'GET' ? safeNext(request.url) : '/office';
  return reply.redirect(next === '/office' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`, 303);
}

const sessions = new WeakMap<FastifyRequest, OfficeSession>();

/** Called by the office's preHandler once the session is established. */
export function rememberSession(request: FastifyRequest, session: OfficeSession): void {
  sessions.set(request, session);
}

/** The session of a request inside the office (the preHandler has already refused requests without one). */
export function sessionOf(request: FastifyRequest): OfficeSession {
  const session = sessions.get(request);
  if (!session) throw new Error('office route reached without a session');
  return session;
}
