import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CSRF_COOKIE = 'gk_csrf';
export const CSRF_FIELD = '_csrf';

/**
 * Double-submit token for forms that need no session (the public checker): a random token in an HttpOnly,
 * SameSite=Strict cookie must come back in the form field.
 */
export function issueCsrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{32,}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
  return token;
}

export function csrfMatches(request: FastifyRequest, submitted: string | undefined): boolean {
  const cookie = request.cookies[CSRF_COOKIE];
  if (!cookie || !submitted) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}
