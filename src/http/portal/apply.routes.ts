/**
 * The online application (Art. 29): GET shows the form for a natural person or an organisation; POST checks the
 * CSRF token, registers the application through the register-application use case and shows the receipt — or
 * re-renders the form with each field's Chinese error. Nothing is stored unless the whole form is valid.
 */
import type { FastifyInstance } from 'fastify';
import { isAppError } from '../../errors.ts';
import { validateCreditCode } from '../../modules/applicants/domain/credit-code.ts';
import { validateIdNumber } from '../../modules/applicants/domain/id-number.ts';
import { validatePhone } from '../../modules/applicants/domain/phone.ts';
import type { Validation } from '../../modules/applicants/domain/validation.ts';
import { applicationFormSchema, parseInput } from '../../modules/applications/applications.schemas.ts';
import { registerApplication } from '../../modules/applications/use-cases/register-application.ts';
import { publicContext, type AppDeps } from '../app-deps.ts';
import { CSRF_FIELD, csrfMatches, issueCsrfToken } from '../csrf.ts';
import { pageContext } from '../display-prefs.ts';
import { issuesOf } from '../errors/error-handler.ts';
import { formFields, nestFields, type FormBody } from '../forms/form-body.ts';
import { rateLimited } from '../rate-limit.ts';
import { applyPage, type ApplicantKind } from '../views/portal/apply-page.tsx';
import { receiptPage } from '../views/portal/receipt-page.tsx';
import { publicAgency } from './public-agencies.ts';

const CSRF_MESSAGE = '表单已过期或来源不明（CSRF 校验失败），请重新提交。您填写的内容已保留。';

function kindOf(value: unknown): ApplicantKind {
  return value === 'organisation' ? 'organisation' : 'naturalPerson';
}

/** Art. 29(3): the application states the form and the way the answer should take; the portal asks for both. */
function missingAnswerChoice(fields: Readonly<Record<string, string>>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!fields['form']?.trim()) errors['form'] = '请选择获取信息的形式';
  if (!fields['delivery']?.trim()) errors['delivery'] = '请选择获取信息的方式';
  return errors;
}

/**
 * The identity checks of the schema's refinements, run on their own: zod skips an object's refinements while any of
 * its fields is missing, and a person correcting the form should see every problem at once, not one per round.
 */
export function identityErrors(form: FormBody, today: string): Record<string, string> {
  const a = (form['applicant'] ?? {}) as Record<string, unknown>;
  const errors: Record<string, string> = {};
  const check = (field: string, value: unknown, validate: (v: string) => Validation<unknown>) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    const result = validate(value);
    if (!result.ok) errors[field] = result.message;
  };
  if (a['type'] === 'organisation') check('applicant.creditCode', a['creditCode'], validateCreditCode);
  else if ((a['idType'] ?? '居民身份证') === '居民身份证') check('applicant.idNumber', a['idNumber'], (v) => validateIdNumber(v, { today }));
  check('applicant.phone', a['phone'], validatePhone);
  return errors;
}

/** The schema's Chinese message for each field, checked before anything is stored. */
function fieldErrors(deps: AppDeps, form: FormBody): Record<string, string> {
  const errors: Record<string, string> = identityErrors(form, deps.clock.today());
  try {
    parseInput(applicationFormSchema(deps.clock.today()), form);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'input.invalid') throw error;
    for (const issue of issuesOf(error)) errors[issue.field] = issue.message;
  }
  return errors;
}

export function applyRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { code: string }; Querystring: { type?: string } }>('/a/:code/apply', async (request, reply) => {
      const agency = await publicAgency(deps, request.params.code);
      reply.type('text/html; charset=utf-8');
      return applyPage({ ctx: pageContext(request), agency, kind: kindOf(request.query.type), csrf: issueCsrfToken(request, reply) });
    });

    app.post<{ Params: { code: string } }>('/a/:code/apply', { preHandler: rateLimited(deps.limiter) }, async (request, reply) => {
      const agency = await publicAgency(deps, request.params.code);
      const fields = formFields(request.body);
      const kind = kindOf(fields['applicant.type']);
      const ctx = pageContext(request);
      const values = Object.fromEntries(Object.entries(fields).filter(([k]) => k !== CSRF_FIELD));
      const again = (status: number, errors: Record<string, string>, message?: string) =>
        reply
          .status(status)
          .type('text/html; charset=utf-8')
          .send(applyPage({ ctx, agency, kind, csrf: issueCsrfToken(request, reply), values, errors, ...(message ? { message } : {}) }));

      if (!csrfMatches(request, fields[CSRF_FIELD])) return again(403, {}, CSRF_MESSAGE);
      const form = nestFields(fields, [CSRF_FIELD]);
      const errors = { ...fieldErrors(deps, form), ...missingAnswerChoice(fields) };
      if (Object.keys(errors).length > 0) return again(400, errors);
      const registered = await registerApplication(publicContext(deps), { agencyId: agency.id, form });
      reply.header('Cache-Control', 'no-store');
      reply.type('text/html; charset=utf-8');
      return receiptPage(ctx, agency, registered);
    });
  };
}
