/**
 * Office routes for attachments: upload one file to an application (a clerk or reviewer of its agency) or to a
 * catalogue item (whoever may edit the agency's catalogue: in draft, in review, and after publishing, since an
 * agency does add a missing annex later — the use case writes every addition to the audit log), and download any
 * attachment the actor may read. Registered inside the signed-in office scope: the session is checked before the
 * body is read, and the multipart body is read before the office's preHandler, which then finds the CSRF field.
 *
 * A refused upload (no file, empty, too large, a type not accepted, content not matching its type) is shown on the
 * page it came from, in its attachments section, with a 4xx status; nothing is stored.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../errors.ts';
import { addAttachment } from '../../modules/attachments/use-cases/add-attachment.ts';
import type { AttachmentView } from '../../modules/attachments/use-cases/attachment-view.ts';
import { getAttachment } from '../../modules/attachments/use-cases/get-attachment.ts';
import { getApplication } from '../../modules/applications/use-cases/get-application.ts';
import { getCatalogueItem } from '../../modules/catalogue/use-cases/get-catalogue-item.ts';
import type { AppDeps } from '../app-deps.ts';
import { sendAttachment } from '../attachment-download.ts';
import { issuesOf } from '../errors/error-handler.ts';
import { statusForCode } from '../errors/error-status.ts';
import { readMultipartForm, type MultipartForm } from '../forms/multipart-form.ts';
import { attachmentContext, type AttachmentOwner } from './attachments-section.ts';
import { showItem } from './catalogue.routes.ts';
import { html, parseId, staffContext } from './office-context.ts';
import { sessionOf } from './session.ts';
import { renderApplicationPage } from './application-view.ts';

/** The upload of each request (null: the request was not multipart). */
const uploads = new WeakMap<FastifyRequest, MultipartForm | null>();

function readUpload(deps: AppDeps) {
  return async (request: FastifyRequest): Promise<void> => {
    // One byte over the limit is read, so that the use case itself refuses the file as too large.
    const form = await readMultipartForm(request, { fileBytes: deps.attachments.maxBytes + 1, files: 1, fields: 5 });
    uploads.set(request, form);
    if (form) request.body = form.fields;
  };
}

type Outcome = { readonly added: AttachmentView } | { readonly status: number; readonly message: string };

/** Adds the uploaded file through the use case; a refusal of the file is returned to show, access and absence thrown. */
async function addUpload(deps: AppDeps, request: FastifyRequest, owner: AttachmentOwner): Promise<Outcome> {
  const form = uploads.get(request);
  if (!form) return { status: 400, message: '请通过页面上的上传表单选择文件（multipart/form-data）。' };
  if (form.problem === 'tooManyFiles') return { status: 400, message: '一次只能上传一个文件。' };
  if (form.problem === 'malformed') return { status: 400, message: '上传的数据不完整或格式不正确，请重新选择文件。' };
  const file = form.files.find((f) => f.field === 'file');
  if (!file) return { status: 400, message: '请选择要上传的文件。' };
  try {
    const added = await addAttachment(attachmentContext(deps, sessionOf(request)), {
      ownerKind: owner.kind,
      ownerId: owner.id,
      filename: file.filename,
      mime: file.mime,
      bytes: file.bytes,
    });
    return { added };
  } catch (error) {
    if (!isAppError(error) || error.code === 'access.denied' || error.code.endsWith('.notFound')) throw error;
    const issues = issuesOf(error).map((i) => i.message);
    return { status: statusForCode(error.code), message: issues.length > 0 ? issues.join('；') : error.message };
  }
}

export function officeAttachmentRoutes(deps: AppDeps) {
  return async (office: FastifyInstance): Promise<void> => {
    office.post<{ Params: { id: string } }>('/office/catalogue/items/:id/attachments', { preValidation: readUpload(deps) }, async (request, reply) => {
      const item = await getCatalogueItem(staffContext(deps, sessionOf(request)), { itemId: parseId(request.params.id) });
      const outcome = await addUpload(deps, request, { kind: 'catalogueItem', id: item.id, agencyId: item.agencyId });
      if ('added' in outcome) return reply.redirect(`/office/catalogue/items/${item.id}?attached=${outcome.added.id}#attachments`, 303);
      return showItem(deps, request, reply, item, { status: outcome.status, attachmentError: outcome.message });
    });

    office.post<{ Params: { id: string } }>('/office/applications/:id/attachments', { preValidation: readUpload(deps) }, async (request, reply) => {
      const ctx = staffContext(deps, sessionOf(request));
      const application = await getApplication(ctx, { applicationId: parseId(request.params.id) });
      const owner: AttachmentOwner = { kind: 'application', id: application.id, agencyId: application.agencyId };
      const outcome = await addUpload(deps, request, owner);
      if ('added' in outcome) return reply.redirect(`/office/applications/${application.id}?attached=${outcome.added.id}#attachments`, 303);
      return html(reply, outcome.status).send(await renderApplicationPage(deps, request, application, { attachmentError: outcome.message }));
    });

    office.get<{ Params: { id: string } }>('/office/attachments/:id', async (request, reply) => {
      const attachmentId = parseId(request.params.id);
      if (attachmentId === 0) throw new AppError('attachment.notFound', '找不到该附件。', { attachmentId: request.params.id });
      return sendAttachment(reply, await getAttachment(attachmentContext(deps, sessionOf(request)), { attachmentId }));
    });
  };
}

