/**
 * Registering an application received on paper, by fax, by e-mail or in person (Art. 29), with the facts of intake
 * that fix its receipt date (Art. 31). The tracking code and the secret are shown once, for the applicant.
 */
import type { FastifyInstance } from 'fastify';
import { isAppError } from '../../errors.ts';
import { ROLE_ACTIONS } from '../../modules/accounts/policy.ts';
import { registerApplication } from '../../modules/applications/use-cases/register-application.ts';
import type { AppDeps } from '../app-deps.ts';
import { CSRF_FIELD } from '../csrf.ts';
import { pageContext } from '../display-prefs.ts';
import { issuesOf } from '../errors/error-handler.ts';
import { statusForCode } from '../errors/error-status.ts';
import { formFields, nestFields, type FormBody } from '../forms/form-body.ts';
import { registeredPage } from '../views/office/registered-page.tsx';
import { registerPage } from '../views/office/register-page.tsx';
import { agencyChoices, html, parseId, staffContext } from './office-context.ts';
import { sessionOf, type OfficeSession } from './session.ts';

const DATE_FIELD: Readonly<Record<string, string>> = {
  inPerson: 'handedInOn',
  registeredPost: 'signedForOn',
  ordinaryPost: 'arrivedOn',
  fax: 'submittedOn',
  email: 'submittedOn',
};
const CONFIRMED_FIELD: Readonly<Record<string, string>> = { ordinaryPost: 'confirmedWithApplicantOn', fax: 'confirmedByBothOn', email: 'confirmedByBothOn' };

/** The facts of intake in the shape of the schema: each channel names its dates its own way (Art. 31). */
function intakeOf(fields: Readonly<Record<string, string>>): FormBody {
  const channel = fields['intake.channel']?.trim() ?? '';
  const intake: FormBody = { channel };
  const date = DATE_FIELD[channel];
  if (date && fields['intake.date']?.trim()) intake[date] = fields['intake.date'].trim();
  const confirmed = CONFIRMED_FIELD[channel];
  if (confirmed) intake[confirmed] = fields['intake.confirmedOn']?.trim() || null;
  return intake;
}

/** A schema path as the form's field name. */
function fieldOf(path: string): string {
  if (path.startsWith('form.')) return path.slice('form.'.length);
  if (/^intake\.confirmed/.test(path)) return 'intake.confirmedOn';
  if (/^intake\.\w+On$/.test(path)) return 'intake.date';
  if (path === 'intake' || path === 'intake.channel') return 'intake.channel';
  return path;
}

async function registrable(deps: AppDeps, session: OfficeSession) {
  const mine = new Set(session.actor.roles.filter((r) => ROLE_ACTIONS[r.role].has('application.register')).map((r) => r.agencyId));
  return (await agencyChoices(deps, session)).filter((a) => mine.has(a.id));
}

export function registerRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { type?: string } }>('/office/applications/new', async (request, reply) => {
      const session = sessionOf(request);
      const kind = request.query.type === 'organisation' ? 'organisation' : 'naturalPerson';
      return html(reply).send(
        registerPage({ ctx: pageContext(request), actor: session.actor, csrf: session.csrf, agencies: await registrable(deps, session), kind }),
      );
    });

    app.post('/office/applications/new', async (request, reply) => {
      const session = sessionOf(request);
      const fields = formFields(request.body);
      const kind = fields['applicant.type'] === 'organisation' ? 'organisation' : 'naturalPerson';
      const form = nestFields(fields, [CSRF_FIELD, 'agencyId', 'intake.channel', 'intake.date', 'intake.confirmedOn']);
      const input = { agencyId: parseId(fields['agencyId']), form, intake: intakeOf(fields) };
      try {
        const registered = await registerApplication(staffContext(deps, session), input);
        return html(reply).send(registeredPage({ ctx: pageContext(request), actor: session.actor, csrf: session.csrf, registered }));
      } catch (error) {
        if (!isAppError(error) || error.code === 'access.denied') throw error;
        const errors: Record<string, string> = {};
        for (const issue of issuesOf(error)) errors[fieldOf(issue.field)] ??= issue.message;
        const values = Object.fromEntries(Object.entries(fields).filter(([k]) => k !== CSRF_FIELD));
        return html(reply, statusForCode(error.code)).send(
          registerPage({
            ctx: pageContext(request),
            actor: session.actor,
            csrf: session.csrf,
            agencies: await registrable(deps, session),
            kind,
            values,
            errors,
            ...(error.code === 'input.invalid' ? {} : { message: error.message }),
          }),
        );
      }
    });
  };
}
