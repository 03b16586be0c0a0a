/**
 * Signing in and out. The login form is protected by the double-submit CSRF cookie (there is no session yet);
 * signing out is a POST with the session's CSRF token. Every refusal of the accounts module (unknown user, wrong
 * password, locked or disabled account) is shown with its one message, so the page never tells them apart.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAppError } from '../../errors.ts';
import { signIn } from '../../modules/accounts/use-cases/sign-in.ts';
import { signOut } from '../../modules/accounts/use-cases/sign-out.ts';
import type { AppDeps } from '../app-deps.ts';
import { CSRF_FIELD, csrfMatches, issueCsrfToken } from '../csrf.ts';
import { pageContext } from '../display-prefs.ts';
import { issuesOf } from '../errors/error-handler.ts';
import { formFields } from '../forms/form-body.ts';
import { loginPage } from '../views/office/login-page.tsx';
import { errorPage } from '../views/portal/error-page.tsx';
import { currentSession, clearSessionCookie, LOGIN_PATH, safeNext, SESSION_COOKIE, sessionCsrfMatches, setSessionCookie } from './session.ts';

export const CSRF_REFUSED = '表单已过期或来源不明（CSRF 校验失败），请刷新页面后重新提交。';

export function loginRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { next?: string } }>(LOGIN_PATH, async (request, reply) => {
      if (await currentSession(deps, request)) return reply.redirect(safeNext(request.query.next), 303);
      reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
      return loginPage({ ctx: pageContext(request), csrf: issueCsrfToken(request, reply), next: safeNext(request.query.next) });
    });

    app.post(LOGIN_PATH, async (request, reply) => {
      const fields = formFields(request.body);
      const next = safeNext(fields['next']);
      const username = fields['username'] ?? '';
      const again = (status: number, errors: Record<string, string>, message?: string) =>
        reply
          .status(status)
          .header('Cache-Control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(loginPage({ ctx: pageContext(request), csrf: issueCsrfToken(request, reply), next, username, errors, ...(message ? { message } : {}) }));

      if (!csrfMatches(request, fields[CSRF_FIELD])) return again(403, {}, CSRF_REFUSED);
      try {
        const signed = await signIn({ db: deps.db, clock: deps.clock }, { username, password: fields['password'] ?? '' });
        setSessionCookie(request, reply, signed.token);
        return reply.redirect(next, 303);
      } catch (error) {
        if (!isAppError(error)) throw error;
        if (error.code === 'input.invalid') return again(400, Object.fromEntries(issuesOf(error).map((i) => [i.field, i.message])));
        if (error.code === 'account.signIn.failed') return again(401, {}, error.message);
        throw error;
      }
    });

    app.post('/office/logout', async (request, reply) => {
      const session = await currentSession(deps, request);
      if (!session) {
        clearSessionCookie(request, reply);
        return reply.redirect(LOGIN_PATH, 303);
      }
      if (!sessionCsrfMatches(session, formFields(request.body)[CSRF_FIELD])) {
        return reply.status(403).type('text/html; charset=utf-8').send(csrfRefusedPage(request));
      }
      await signOut({ db: deps.db, clock: deps.clock }, request.cookies[SESSION_COOKIE] ?? '');
      clearSessionCookie(request, reply);
      return reply.redirect(LOGIN_PATH, 303);
    });
  };
}

export function csrfRefusedPage(request: FastifyRequest): string {
  return errorPage(pageContext(request), 403, CSRF_REFUSED, []);
}
