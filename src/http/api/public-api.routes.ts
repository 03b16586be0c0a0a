/**
 * The public JSON API, version 1: the agencies, applying, and the applicant's status look-up. Thin: parse, call the
 * use case, present. Errors come out of the one error handler as { "error": { code, field, message } }; a field
 * path names the body field (`applicant.idNumber`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../errors.ts';
import { applicationFormSchema, parseInput } from '../../modules/applications/applications.schemas.ts';
import { lookupStatus } from '../../modules/applications/use-cases/lookup-status.ts';
import { registerApplication } from '../../modules/applications/use-cases/register-application.ts';
import { publicContext, type AppDeps } from '../app-deps.ts';
import { publicAgencies, publicAgency } from '../portal/public-agencies.ts';
import { rateLimited } from '../rate-limit.ts';
import { presentAgency, presentRegistered, presentStatus } from './presenters.ts';

export const SECRET_HEADER = 'x-tracking-secret';

function requireJson(request: FastifyRequest): void {
  const type = String(request.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError('input.invalid', '请求体应为 JSON（Content-Type: application/json）。', {
      issues: [{ path: '', message: '请求体应为 JSON（Content-Type: application/json）。' }],
    });
  }
}

export function publicApiRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/v1/agencies', async () => {
      const agencies = await publicAgencies(deps);
      const byId = new Map(agencies.map((a) => [a.id, a]));
      return agencies.map((a) => presentAgency(a, byId));
    });

    app.post<{ Params: { code: string } }>(
      '/api/v1/agencies/:code/applications',
      { preHandler: rateLimited(deps.limiter) },
      async (request, reply) => {
        requireJson(request);
        const agency = await publicAgency(deps, request.params.code);
        // checked against the form schema first, so field paths are those of the body
        parseInput(applicationFormSchema(deps.clock.today()), request.body);
        const registered = await registerApplication(publicContext(deps), { agencyId: agency.id, form: request.body });
        reply.header('Cache-Control', 'no-store');
        return reply.status(201).send(presentRegistered(registered));
      },
    );

    app.get<{ Params: { trackingCode: string } }>(
      '/api/v1/applications/:trackingCode',
      { preHandler: rateLimited(deps.limiter) },
      async (request, reply) => {
        const secret = request.headers[SECRET_HEADER];
        if (typeof secret !== 'string' || secret.trim() === '') {
          throw new AppError('input.invalid', '请在请求头 X-Tracking-Secret 中提供查询密码。', {
            issues: [{ path: 'X-Tracking-Secret', message: '请在请求头 X-Tracking-Secret 中提供查询密码。' }],
          });
        }
        try {
          const status = await lookupStatus(publicContext(deps), { trackingCode: request.params.trackingCode, secret });
          reply.header('Cache-Control', 'no-store');
          return presentStatus(status);
        } catch (error) {
          // an over-long code or secret is as unknown as a wrong one
          if (isAppError(error) && error.code === 'input.invalid') throw new AppError('application.notFound', '找不到该申请。');
          throw error;
        }
      },
    );
  };
}
