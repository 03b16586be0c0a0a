/**
 * The one error handler: AppErrors get the status of the error → status table and their Chinese message; errors of
 * the framework (malformed JSON, a wrong content type, a body too large) get a plain Chinese message; anything else
 * is logged with personal data masked and hidden behind a generic message.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type AppError } from '../../errors.ts';
import { maskPersonalData } from '../../modules/applicants/domain/masking.ts';
import { statusForCode } from './error-status.ts';
import { sendHttpError, type FieldIssue, type HttpError } from './send-error.ts';

const GENERIC = '服务器内部错误，请稍后再试。如问题持续，请联系网站管理员。';

/** The field issues an AppError carries (input.invalid lists them; some errors name one `field`). */
export function issuesOf(error: AppError): FieldIssue[] {
  const issues = error.details['issues'];
  if (Array.isArray(issues)) {
    return issues.flatMap((i: unknown) => {
      const { path, message } = (i ?? {}) as { path?: unknown; message?: unknown };
      return typeof path === 'string' && typeof message === 'string' ? [{ field: path, message }] : [];
    });
  }
  const field = error.details['field'];
  return typeof field === 'string' ? [{ field, message: error.message }] : [];
}

export function appErrorToHttp(error: AppError): HttpError {
  return { status: statusForCode(error.code), code: error.code, message: error.message, issues: issuesOf(error) };
}

function frameworkError(error: FastifyError): HttpError | null {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return null;
  if (status === 413) return { status, code: 'request.tooLarge', message: '提交的内容过大。' };
  if (status === 415) return { status, code: 'request.unsupportedType', message: '不支持的提交格式：接口请使用 application/json，表单请使用普通表单提交。' };
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return { status: 400, code: 'request.invalid', message: '请求内容不是有效的 JSON。' };
  }
  return { status, code: 'request.invalid', message: '请求无效，请检查后重试。' };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isAppError(error)) {
      const http = appErrorToHttp(error);
      if (http.status >= 500) request.log.error({ code: error.code, message: maskPersonalData(error.message) }, 'operator action needed');
      return sendHttpError(request, reply, http);
    }
    const known = frameworkError(error);
    if (known) return sendHttpError(request, reply, known);
    request.log.error(
      { err: { type: error.name, message: maskPersonalData(String(error.message)), stack: maskPersonalData(String(error.stack ?? '')) } },
      'unhandled error',
    );
    return sendHttpError(request, reply, { status: 500, code: 'server.error', message: GENERIC });
  });
  app.setNotFoundHandler(async (request, reply) =>
    sendHttpError(request, reply, { status: 404, code: 'route.notFound', message: '页面不存在。请检查网址，或从首页进入。' }),
  );
}
