/**
 * The staff back office under /office. Every route but the login page needs a session (else 303 to the login page)
 * and every POST the session's CSRF token (else 403). Pages call the use cases with the signed-in actor; the
 * accounts policy inside them decides, so another agency's application is refused like any forbidden step.
 */
import type { FastifyInstance } from 'fastify';
import { isAppError } from '../../errors.ts';
import { OPEN_STATUSES } from '../../modules/applications/domain/index.ts';
import { getApplication } from '../../modules/applications/use-cases/get-application.ts';
import { listApplications } from '../../modules/applications/use-cases/list-applications.ts';
import { issuePendingLetters } from '../../modules/letters/use-cases/issue-pending-letters.ts';
import type { AppDeps } from '../app-deps.ts';
import { CSRF_FIELD } from '../csrf.ts';
import { pageContext } from '../display-prefs.ts';
import { issuesOf } from '../errors/error-handler.ts';
import { statusForCode } from '../errors/error-status.ts';
import { formFields } from '../forms/form-body.ts';
import { dashboardPage } from '../views/office/dashboard-page.tsx';
import { STEP_TITLES, type StepFeedback } from '../views/office/step-forms.tsx';
import { csrfRefusedPage, loginRoutes } from './login.routes.ts';
import { agencyChoices, html, parseId, staffContext } from './office-context.ts';
import { officeAttachmentRoutes } from './attachments.routes.ts';
import { auditRoutes } from './audit.routes.ts';
import { officeCatalogueRoutes } from './catalogue.routes.ts';
import { officeCheckerRoutes } from './checker-review.routes.ts';
import { letterRoutes } from './letters.routes.ts';
import { registerRoutes } from './register.routes.ts';
import { officeReportRoutes } from './reports.routes.ts';
import { currentSession, rememberSession, sessionCsrfMatches, sessionOf, toLogin } from './session.ts';
import { isStepSlug, STEPS, stepInput, stepsAllowed } from './steps.ts';
import { renderApplicationPage } from './application-view.ts';


export function officeRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(loginRoutes(deps));

    await app.register(async (office) => {
      // The session first, before any body is read: a request without one never gets to upload anything.
      office.addHook('onRequest', async (request, reply) => {
        const session = await currentSession(deps, request);
        if (!session) return toLogin(request, reply);
        rememberSession(request, session);
      });
      office.addHook('preHandler', async (request, reply) => {
        if (request.method === 'POST' && !sessionCsrfMatches(sessionOf(request), formFields(request.body)[CSRF_FIELD])) {
          return html(reply, 403).send(csrfRefusedPage(request));
        }
      });

      await office.register(registerRoutes(deps));
      await office.register(officeReportRoutes(deps));
      await office.register(auditRoutes(deps));
      await office.register(letterRoutes(deps));
      await office.register(officeCheckerRoutes(deps));
      await office.register(officeCatalogueRoutes(deps));
      await office.register(officeAttachmentRoutes(deps));

      office.get<{ Querystring: { agency?: string } }>('/office', async (request, reply) => {
        const session = sessionOf(request);
        const agencies = await agencyChoices(deps, session);
        const wanted = parseId(request.query.agency ?? '');
        const current = agencies.find((a) => a.id === wanted) ?? agencies[0];
        const frame = { ctx: pageContext(request), actor: session.actor, csrf: session.csrf };
        if (!current) {
          return html(reply).send(dashboardPage({ ...frame, agencies: [], current: { id: 0, name: '（未分配机关）', below: false }, items: [], total: 0 }));
        }
        const list = await listApplications(staffContext(deps, session), { agencyId: current.id, statuses: [...OPEN_STATUSES], pageSize: 200 });
        return html(reply).send(dashboardPage({ ...frame, agencies, current, items: list.items, total: list.total }));
      });

      office.get<{ Params: { id: string }; Querystring: { done?: string; step?: string } }>('/office/applications/:id', async (request, reply) => {
        const session = sessionOf(request);
        const application = await getApplication(staffContext(deps, session), { applicationId: parseId(request.params.id) });
        const { done, step } = request.query;
        const steps = stepsAllowed(application.nextSteps, session.actor, application.agencyId);
        return html(reply).send(
          await renderApplicationPage(deps, request, application, {
            open: step && isStepSlug(step) && steps.includes(step) ? step : null,
            done: done && isStepSlug(done) ? STEP_TITLES[done] : null,
          }),
        );
      });

      office.post<{ Params: { id: string; step: string } }>('/office/applications/:id/:step', async (request, reply) => {
        const session = sessionOf(request);
        const { step } = request.params;
        if (!isStepSlug(step)) return reply.callNotFound();
        const applicationId = parseId(request.params.id);
        const ctx = staffContext(deps, session);
        const fields = formFields(request.body);
        try {
          await STEPS[step].run(ctx, stepInput(step, applicationId, fields, [CSRF_FIELD]));
        } catch (error) {
          // refused access and unknown applications go to the error page; a refused step is shown in its form, kept open
          if (!isAppError(error) || error.code === 'access.denied' || error.code.endsWith('.notFound')) throw error;
          const application = await getApplication(ctx, { applicationId });
          const values = Object.fromEntries(Object.entries(fields).filter(([k]) => k !== CSRF_FIELD));
          const errors = Object.fromEntries(issuesOf(error).map((i) => [i.field, i.message]));
          const feedback: StepFeedback = { step, values, errors, message: error.code === 'input.invalid' ? '提交的内容有误，请按提示修改。' : error.message };
          return html(reply, statusForCode(error.code)).send(await renderApplicationPage(deps, request, application, { feedback }));
        }
        // The letter the step produces (告知书), frozen now; the step is already stored, so a failure here is logged
        // and the letters page issues whatever is missing later (issuePendingLetters is idempotent).
        try {
          await issuePendingLetters(ctx, { applicationId });
        } catch (error) {
          request.log.error({ err: error, applicationId }, 'issuing the letters of a workflow step failed');
        }
        return reply.redirect(`/office/applications/${applicationId}?done=${step}`, 303);
      });
    });
  };
}
