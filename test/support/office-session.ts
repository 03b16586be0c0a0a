/** Signing in to the office through its login form, for HTTP tests that drive the office with app.inject. */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { TEST_PASSWORD } from '../factories/user-factory.ts';

export interface OfficeSession {
  readonly cookie: string;
  /** The session's CSRF token, as the office pages put it in their forms. */
  readonly csrf: string;
}

/** `name=value` of one Set-Cookie of a response ('' when absent). */
export function cookieOf(res: { headers: Record<string, unknown> }, name: string): string {
  const raw = res.headers['set-cookie'];
  const all = (Array.isArray(raw) ? raw : [raw]).map(String);
  return all.find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? '';
}

export const csrfIn = (body: string): string => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

/** A form POST as a browser sends it. */
export function postUrlEncoded(app: FastifyInstance, url: string, fields: Record<string, string>, cookie: string | null) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** Signs in through the login form (the user must exist with `password`) and reads the session's CSRF token. */
export async function officeLogin(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<OfficeSession> {
  const form = await app.inject({ url: '/office/login' });
  const res = await postUrlEncoded(app, '/office/login', { _csrf: csrfIn(form.body), username, password, next: '/office' }, cookieOf(form, 'gk_csrf'));
  expect(res.statusCode, res.body).toBe(303);
  const cookie = cookieOf(res, 'gk_session');
  const office = await app.inject({ url: '/office', headers: { cookie } });
  return { cookie, csrf: csrfIn(office.body) };
}
