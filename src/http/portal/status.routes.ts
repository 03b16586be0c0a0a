/**
 * The applicant's status look-up with the tracking code and the secret (lookup-status use case). A wrong code and a
 * wrong secret get the same answer, so the page never tells which codes exist. The letters (告知书) addressed to the
 * applicant download from the result by a POST that carries the code and the secret again: a letter id alone opens
 * nothing.
 */
import type { FastifyInstance } from 'fastify';
import { isAppError } from '../../errors.ts';
import { lookupStatus } from '../../modules/applications/use-cases/lookup-status.ts';
import { closeLetterPdfRenderer, isLetterFileType } from '../../modules/letters/render/letter-files.ts';
import { getApplicantLetter, listApplicantLetters } from '../../modules/letters/use-cases/applicant-letters.ts';
import { publicContext, type AppDeps } from '../app-deps.ts';
import { CSRF_FIELD, csrfMatches, issueCsrfToken } from '../csrf.ts';
import { pageContext } from '../display-prefs.ts';
import { formFields } from '../forms/form-body.ts';
import { sendLetterFile } from '../office/letters.routes.ts';
import { rateLimited } from '../rate-limit.ts';
import { statusPage } from '../views/portal/status-page.tsx';

export const NOT_FOUND_MESSAGE = '查询码或查询密码不正确，请核对回执后重新输入。';

export function statusRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    // the letter PDFs' Chromium (shared with the office) closes with the server
    app.addHook('onClose', async () => closeLetterPdfRenderer());

    app.get('/status', async (request, reply) => {
      reply.type('text/html; charset=utf-8');
      return statusPage({ ctx: pageContext(request), csrf: issueCsrfToken(request, reply) });
    });

    app.post('/status', { preHandler: rateLimited(deps.limiter) }, async (request, reply) => {
      const fields = formFields(request.body);
      const ctx = pageContext(request);
      const values = { trackingCode: fields['trackingCode'] ?? '' };
      reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
      const again = (status: number, errors: Record<string, string>, message?: string) =>
        reply.status(status).send(statusPage({ ctx, csrf: issueCsrfToken(request, reply), values, errors, ...(message ? { message } : {}) }));

      if (!csrfMatches(request, fields[CSRF_FIELD])) return again(403, {}, '表单已过期或来源不明（CSRF 校验失败），请重新查询。');
      const errors: Record<string, string> = {};
      if (!fields['trackingCode']?.trim()) errors['trackingCode'] = '请填写查询码';
      if (!fields['secret']?.trim()) errors['secret'] = '请填写查询密码';
      if (Object.keys(errors).length > 0) return again(400, errors);
      try {
        const lookup = { trackingCode: fields['trackingCode'], secret: fields['secret'] };
        const status = await lookupStatus(publicContext(deps), lookup);
        const letters = await listApplicantLetters(publicContext(deps), lookup);
        return statusPage({ ctx, csrf: issueCsrfToken(request, reply), status, letters: { items: letters, trackingCode: lookup.trackingCode ?? '', secret: lookup.secret ?? '' } });
      } catch (error) {
        if (!isAppError(error) || (error.code !== 'application.notFound' && error.code !== 'input.invalid')) throw error;
        return again(404, {}, NOT_FOUND_MESSAGE);
      }
    });

    // A letter of the applicant's own application: the form of the status result posts the code and secret again.
    app.post<{ Params: { id: string } }>('/status/letters/:id', { preHandler: rateLimited(deps.limiter) }, async (request, reply) => {
      const fields = formFields(request.body);
      const ctx = pageContext(request);
      const refuse = (status: number, message: string) =>
        reply.status(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(statusPage({ ctx, csrf: issueCsrfToken(request, reply), message }));
      if (!csrfMatches(request, fields[CSRF_FIELD])) return refuse(403, '表单已过期或来源不明（CSRF 校验失败），请重新查询。');
      const format = fields['format'] ?? '';
      const letterId = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : 0;
      if (!isLetterFileType(format)) return refuse(400, '请选择下载的格式（PDF 或 Word）。');
      try {
        const letter = await getApplicantLetter(publicContext(deps), { trackingCode: fields['trackingCode'] ?? '', secret: fields['secret'] ?? '', letterId });
        return await sendLetterFile(reply, letter, format);
      } catch (error) {
        if (!isAppError(error) || !['application.notFound', 'letter.notFound', 'input.invalid'].includes(error.code)) throw error;
        return refuse(404, error.code === 'letter.notFound' ? '找不到该告知书，请重新查询。' : NOT_FOUND_MESSAGE);
      }
    });
  };
}
