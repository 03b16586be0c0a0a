/**
 * Office routes for the letters (告知书) of an application and the agency's letter templates. Registered inside the
 * signed-in office scope (session and CSRF already checked). The use cases ask the accounts policy: another agency's
 * letter or template is refused like any other office page (403, or 404 for what does not exist).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../errors.ts';
import { authorize, can } from '../../modules/accounts/policy.ts';
import { subordinatesIn } from '../../modules/agencies/agencies.repository.ts';
import { getApplication } from '../../modules/applications/use-cases/get-application.ts';
import { isLetterKind, letterKindLabel } from '../../modules/letters/domain/kinds.ts';
import { placeholderDescription, placeholdersFor, REQUIRED_PLACEHOLDERS } from '../../modules/letters/domain/placeholders.ts';
import {
  attachmentDisposition,
  closeLetterPdfRenderer,
  isLetterFileType,
  LETTER_FILE_TYPES,
  letterFileName,
  renderLetterFile,
  type LetterFileType,
} from '../../modules/letters/render/letter-files.ts';
import { getLetter } from '../../modules/letters/use-cases/get-letter.ts';
import { issuePendingLetters } from '../../modules/letters/use-cases/issue-pending-letters.ts';
import type { LetterDocument } from '../../modules/letters/use-cases/letter-views.ts';
import { getLetterTemplate, listLetterTemplates, resetLetterTemplate, saveLetterTemplate } from '../../modules/letters/use-cases/letter-templates.ts';
import { previewLetterTemplate, type LetterPreview } from '../../modules/letters/use-cases/preview-letter-template.ts';
import { listLetters } from '../../modules/letters/use-cases/list-letters.ts';
import type { AppDeps } from '../app-deps.ts';
import { pageContext } from '../display-prefs.ts';
import { issuesOf } from '../errors/error-handler.ts';
import { statusForCode } from '../errors/error-status.ts';
import { formFields } from '../forms/form-body.ts';
import { letterListPage } from '../views/office/letter-list-page.tsx';
import { letterTemplateEditPage } from '../views/office/letter-template-edit-page.tsx';
import { letterTemplatesPage } from '../views/office/letter-templates-page.tsx';
import { agencyChoices, html, parseId, staffContext } from './office-context.ts';
import { sessionOf, type OfficeSession } from './session.ts';

/** Sends an issued letter as a file (also used by the portal's status page). */
export async function sendLetterFile(reply: FastifyReply, letter: LetterDocument, type: LetterFileType): Promise<FastifyReply> {
  const bytes = await renderLetterFile(letter, type);
  return reply
    .header('Cache-Control', 'no-store')
    .type(LETTER_FILE_TYPES[type].mediaType)
    .header('Content-Disposition', attachmentDisposition(letterFileName(letter, type), `letter-${letter.id}.${LETTER_FILE_TYPES[type].extension}`))
    .send(bytes);
}

/** `12.pdf` → [12, 'pdf']; anything else → null. */
function parseLetterFile(raw: string): { letterId: number; type: LetterFileType } | null {
  const m = /^(\d{1,9})\.(\w+)$/.exec(raw);
  return m && isLetterFileType(m[2]!) ? { letterId: Number(m[1]), type: m[2] } : null;
}

/** The agencies whose templates the actor edits (agency.update: the administrator), the wanted one first if allowed. */
async function templateAgency(deps: AppDeps, session: OfficeSession, wanted: string | undefined) {
  const choices = await agencyChoices(deps, session);
  const editable = [];
  for (const c of choices) if (await can(session.actor, 'agency.update', c.id, subordinatesIn(deps.db))) editable.push(c);
  const id = parseId(wanted);
  const current = wanted === undefined ? editable[0] : editable.find((a) => a.id === id);
  // someone else's agency, or none at all: the policy's own refusal (403)
  if (!current) await authorize(session.actor, 'agency.update', id, subordinatesIn(deps.db));
  return { agencies: editable, current: current! };
}

export function letterRoutes(deps: AppDeps) {
  return async (office: FastifyInstance): Promise<void> => {
    // one Chromium per process for letter PDFs, started on the first one; closed with the server
    office.addHook('onClose', async () => closeLetterPdfRenderer());

    office.get<{ Querystring: { agency?: string; saved?: string } }>('/office/letters/templates', async (request, reply) => {
      const session = sessionOf(request);
      const { agencies, current } = await templateAgency(deps, session, request.query.agency);
      const templates = await listLetterTemplates(staffContext(deps, session), { agencyId: current.id });
      const saved = request.query.saved;
      const message = saved && isLetterKind(saved) ? `已保存：${letterKindLabel(saved)}模板。` : null;
      return html(reply).send(letterTemplatesPage({ ctx: pageContext(request), actor: session.actor, csrf: session.csrf, agencies, current, templates, message }));
    });

    const editPage = async (
      request: FastifyRequest,
      session: OfficeSession,
      kind: string,
      agencyRaw: string | undefined,
      sent?: { body: string; errors: Record<string, string>; preview?: LetterPreview },
    ) => {
      if (!isLetterKind(kind)) return null;
      const { current } = await templateAgency(deps, session, agencyRaw);
      const template = await getLetterTemplate(staffContext(deps, session), { agencyId: current.id, kind });
      const required = new Set<string>(REQUIRED_PLACEHOLDERS[kind]);
      const placeholders = placeholdersFor(kind).map((name) => ({ name, description: placeholderDescription(name), required: required.has(name) }));
      return letterTemplateEditPage({ ctx: pageContext(request), actor: session.actor, csrf: session.csrf, agency: current, template, placeholders, ...(sent ?? {}) });
    };

    office.get<{ Params: { kind: string }; Querystring: { agency?: string } }>('/office/letters/templates/:kind', async (request, reply) => {
      const body = await editPage(request, sessionOf(request), request.params.kind, request.query.agency);
      return body === null ? reply.callNotFound() : html(reply).send(body);
    });

    office.post<{ Params: { kind: string } }>('/office/letters/templates/:kind', async (request, reply) => {
      const session = sessionOf(request);
      const { kind } = request.params;
      if (!isLetterKind(kind)) return reply.callNotFound();
      const fields = formFields(request.body);
      const { current } = await templateAgency(deps, session, fields['agency'] ?? '');
      const body = fields['body'] ?? '';
      try {
        await saveLetterTemplate(staffContext(deps, session), { agencyId: current.id, kind, body });
      } catch (error) {
        if (!isAppError(error) || error.code !== 'input.invalid') throw error;
        const errors = { body: issuesOf(error).map((i) => i.message).join(' ') };
        const page = await editPage(request, session, kind, String(current.id), { body, errors });
        return html(reply, statusForCode(error.code)).send(page);
      }
      return reply.redirect(`/office/letters/templates?agency=${current.id}&saved=${kind}`, 303);
    });

    // The edited text filled with sample values, on the edit page or as a PDF; nothing stored, refused as saving is.
    office.post<{ Params: { kind: string } }>('/office/letters/templates/:kind/preview', async (request, reply) => {
      const session = sessionOf(request);
      const { kind } = request.params;
      if (!isLetterKind(kind)) return reply.callNotFound();
      const fields = formFields(request.body);
      const { current } = await templateAgency(deps, session, fields['agency'] ?? '');
      const body = fields['body'] ?? '';
      let preview: LetterPreview;
      try {
        preview = await previewLetterTemplate(staffContext(deps, session), { agencyId: current.id, kind, body });
      } catch (error) {
        if (!isAppError(error) || error.code !== 'input.invalid') throw error;
        const errors = { body: issuesOf(error).map((i) => i.message).join(' ') };
        return html(reply, statusForCode(error.code)).send(await editPage(request, session, kind, String(current.id), { body, errors }));
      }
      if (fields['format'] === 'pdf') {
        const bytes = await renderLetterFile(preview, 'pdf');
        return reply
          .header('Cache-Control', 'no-store')
          .type(LETTER_FILE_TYPES.pdf.mediaType)
          .header('Content-Disposition', attachmentDisposition(`预览-${preview.title}.pdf`, `letter-preview-${kind}.pdf`))
          .send(bytes);
      }
      return html(reply).send(await editPage(request, session, kind, String(current.id), { body, errors: {}, preview }));
    });

    // what the page's links (the text-size switch) reach after a preview: the edit page
    office.get<{ Params: { kind: string } }>('/office/letters/templates/:kind/preview', async (request, reply) =>
      isLetterKind(request.params.kind) ? reply.redirect(`/office/letters/templates/${request.params.kind}`, 303) : reply.callNotFound(),
    );

    office.post<{ Params: { kind: string } }>('/office/letters/templates/:kind/reset', async (request, reply) => {
      const session = sessionOf(request);
      const { kind } = request.params;
      if (!isLetterKind(kind)) return reply.callNotFound();
      const { current } = await templateAgency(deps, session, formFields(request.body)['agency'] ?? '');
      await resetLetterTemplate(staffContext(deps, session), { agencyId: current.id, kind });
      return reply.redirect(`/office/letters/templates/${kind}?agency=${current.id}`, 303);
    });

    office.get<{ Params: { id: string }; Querystring: { issued?: string } }>('/office/applications/:id/letters', async (request, reply) => {
      const session = sessionOf(request);
      const ctx = staffContext(deps, session);
      const application = await getApplication(ctx, { applicationId: parseId(request.params.id) });
      const letters = await listLetters(ctx, { applicationId: application.id });
      const mayIssue = await can(session.actor, 'application.handle', application.agencyId, subordinatesIn(deps.db));
      const issued = /^\d{1,3}$/.test(request.query.issued ?? '') ? Number(request.query.issued) : null;
      return html(reply).send(
        letterListPage({ ctx: pageContext(request), actor: session.actor, csrf: session.csrf, applicationId: application.id, trackingCode: application.trackingCode, letters, mayIssue, issued }),
      );
    });

    office.post<{ Params: { id: string } }>('/office/applications/:id/letters/issue', async (request, reply) => {
      const session = sessionOf(request);
      const applicationId = parseId(request.params.id);
      const { issued } = await issuePendingLetters(staffContext(deps, session), { applicationId });
      return reply.redirect(`/office/applications/${applicationId}/letters?issued=${issued.length}`, 303);
    });

    office.get<{ Params: { id: string; file: string } }>('/office/applications/:id/letters/:file', async (request, reply) => {
      const session = sessionOf(request);
      const file = parseLetterFile(request.params.file);
      if (!file) return reply.callNotFound();
      const letter = await getLetter(staffContext(deps, session), { applicationId: parseId(request.params.id), letterId: file.letterId });
      return sendLetterFile(reply, letter, file.type);
    });
  };
}
