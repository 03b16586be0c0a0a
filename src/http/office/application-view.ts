/** The office's application page as every route shows it: the record, the steps allowed now, letters, attachments. */
import type { FastifyRequest } from 'fastify';
import type { getApplication } from '../../modules/applications/use-cases/get-application.ts';
import { describeActors } from '../../modules/accounts/use-cases/describe-actors.ts';
import { listLetters } from '../../modules/letters/use-cases/list-letters.ts';
import type { AppDeps } from '../app-deps.ts';
import { pageContext } from '../display-prefs.ts';
import { applicationPage, type ApplicationPageProps } from '../views/office/application-page.tsx';
import { attachmentsSection } from './attachments-section.ts';
import { staffContext } from './office-context.ts';
import { sessionOf } from './session.ts';
import { stepsAllowed } from './steps.ts';

type Extras = Pick<ApplicationPageProps, 'open' | 'feedback' | 'done'> & {
  /** why an upload was just refused, shown beside the file field */
  readonly attachmentError?: string;
};

export async function renderApplicationPage(
  deps: AppDeps,
  request: FastifyRequest,
  application: Awaited<ReturnType<typeof getApplication>>,
  extras: Extras = {},
): Promise<string> {
  const session = sessionOf(request);
  const { attachmentError, ...rest } = extras;
  const owner = { kind: 'application', id: application.id, agencyId: application.agencyId } as const;
  return applicationPage({
    ctx: pageContext(request),
    actor: session.actor,
    csrf: session.csrf,
    application,
    steps: stepsAllowed(application.nextSteps, session.actor, application.agencyId),
    letters: await listLetters(staffContext(deps, session), { applicationId: application.id }),
    actorNames: await describeActors(staffContext(deps, session), application.history.map((h) => h.actor)),
    attachments: await attachmentsSection(deps, request, owner, attachmentError),
    ...rest,
  });
}
