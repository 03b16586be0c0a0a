import type { FastifyInstance } from 'fastify';
import { checkReportFiles, type ReportFile } from '../../modules/annual-report/use-cases/check-reports.ts';
import { CSRF_FIELD, csrfMatches, issueCsrfToken } from '../csrf.ts';
import { pageContext } from '../display-prefs.ts';
import { rateLimited, type TokenBucketLimiter } from '../rate-limit.ts';
import { checkerFormPage, checkerResultPage } from '../views/checker-page.tsx';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 50;

/** The public report checker: upload published reports, see what does not balance. */
export async function checkerRoutes(app: FastifyInstance, options: { readonly limiter: TokenBucketLimiter }): Promise<void> {
  app.get('/checker', async (request, reply) => {
    reply.type('text/html; charset=utf-8');
    return checkerFormPage(pageContext(request), issueCsrfToken(request, reply));
  });

  app.post('/check', { preHandler: rateLimited(options.limiter) }, async (request, reply) => {
    reply.type('text/html; charset=utf-8');
    const refuse = (status: number, message: string) => reply.status(status).send(checkerFormPage(pageContext(request), issueCsrfToken(request, reply), message));
    if (!request.isMultipart()) return refuse(400, '请通过表单上传文件（multipart/form-data）');

    const files: ReportFile[] = [];
    let csrf: string | undefined;
    try {
      for await (const part of request.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_UPLOAD_FILES, fields: 10 } })) {
        if (part.type === 'field') {
          if (part.fieldname === CSRF_FIELD && typeof part.value === 'string') csrf = part.value;
        } else if (part.filename) {
          const bytes = await part.toBuffer();
          files.push({ source: part.filename, bytes });
        } else {
          await part.toBuffer();
        }
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') return refuse(413, `文件过大：每个文件不超过 ${MAX_UPLOAD_BYTES / 1048576} MB`);
      if (code === 'FST_FILES_LIMIT') return refuse(413, `文件过多：一次最多 ${MAX_UPLOAD_FILES} 个`);
      return refuse(400, '上传的数据不完整或格式不正确，请重新选择文件');
    }
    if (!csrfMatches(request, csrf)) return refuse(403, '表单已过期或来源不明（CSRF 校验失败），请刷新页面后重新上传');
    if (files.length === 0) return refuse(400, '请选择至少一个报告文件（files 字段为空）');

    return checkerResultPage(pageContext(request), await checkReportFiles(files));
  });
}
