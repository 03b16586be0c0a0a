/**
 * The staff API's attachments: list and upload the files of an application or a catalogue item, and download one.
 * An upload is multipart/form-data with one file in the field `file`; it is refused (field `file`, nothing stored)
 * when missing, empty, over MAX_UPLOAD_MB (413), of a type not accepted or with content not matching its type (415).
 * The use cases decide who may: the token's agency only; adding needs the role that handles applications or edits
 * the catalogue (a published item may get an annex later; every addition is in the audit log).
 */
import { z } from 'zod';
import { AppError, isAppError } from '../../errors.ts';
import type { Action } from '../../modules/accounts/policy.ts';
import { authorize } from '../../modules/applications/applications.policy.ts';
import { getApplication } from '../../modules/applications/use-cases/get-application.ts';
import { notFound as applicationNotFound } from '../../modules/applications/use-cases/transition.ts';
import type { OwnerKind } from '../../modules/attachments/attachments.repository.ts';
import { addAttachment } from '../../modules/attachments/use-cases/add-attachment.ts';
import type { AttachmentView } from '../../modules/attachments/use-cases/attachment-view.ts';
import type { AttachmentContext } from '../../modules/attachments/use-cases/context.ts';
import { getAttachment } from '../../modules/attachments/use-cases/get-attachment.ts';
import { listAttachments } from '../../modules/attachments/use-cases/list-attachments.ts';
import { catalogueNotFound } from '../../modules/catalogue/use-cases/catalogue-step.ts';
import { getCatalogueItem } from '../../modules/catalogue/use-cases/get-catalogue-item.ts';
import { attachmentHeaders } from '../attachment-download.ts';
import { readMultipartForm } from '../forms/multipart-form.ts';
import { fileTypeLabel } from '../views/attachment-format.ts';
import { pathId, type StaffCall, type StaffOperation } from './staff-operation.ts';

export const attachmentResponse = z.object({
  id: z.number().int(),
  ownerKind: z.enum(['application', 'catalogueItem']),
  ownerId: z.number().int(),
  filename: z.string(),
  mime: z.string().describe('按文件内容核对后的类型'),
  typeLabel: z.string().describe('类型名称，如 PDF、Word'),
  size: z.number().int().describe('字节数'),
  sha256: z.string().describe('文件内容的 SHA-256（十六进制）'),
  createdAt: z.string().describe('上传时间（ISO 8601，UTC）'),
});

export const attachmentListResponse = z.object({ items: z.array(attachmentResponse) });

const uploadBody = z.object({
  file: z.file().describe('一个文件：PDF、OFD、Word、Excel、WPS、JPEG、PNG、纯文本或 ZIP，不超过 MAX_UPLOAD_MB'),
});

export function presentAttachment(a: AttachmentView): z.infer<typeof attachmentResponse> {
  return {
    id: a.id,
    ownerKind: a.ownerKind as OwnerKind,
    ownerId: a.ownerId,
    filename: a.filename,
    mime: a.mime,
    typeLabel: fileTypeLabel(a.mime),
    size: a.size,
    sha256: a.sha256,
    createdAt: a.createdAt,
  };
}

const ADD_ACTION: Readonly<Record<OwnerKind, Action>> = { application: 'application.handle', catalogueItem: 'catalogue.edit' };

const attachmentNotFound = () => new AppError('attachment.notFound', '找不到该附件。');

function attachmentContext(call: StaffCall): AttachmentContext {
  return { ...call.ctx, store: call.deps.attachments.store, maxBytes: call.deps.attachments.maxBytes };
}

function fileMissing(message: string): AppError {
  return new AppError('input.invalid', message, { issues: [{ path: 'file', message }] });
}

/** The owner of the path's id (read through its own use case, so absent and foreign are told as usual). */
async function ownerOf(call: StaffCall, kind: OwnerKind): Promise<{ kind: OwnerKind; id: number; agencyId: number }> {
  if (kind === 'application') {
    const application = await getApplication(call.ctx, { applicationId: pathId(call.params['id'], applicationNotFound) });
    return { kind, id: application.id, agencyId: application.agencyId };
  }
  const item = await getCatalogueItem(call.ctx, { itemId: pathId(call.params['id'], catalogueNotFound) });
  return { kind, id: item.id, agencyId: item.agencyId };
}

async function upload(call: StaffCall, kind: OwnerKind) {
  const owner = await ownerOf(call, kind);
  // who may not add is told so before anything of the body is read
  await authorize(call.ctx.db, call.ctx.actor, ADD_ACTION[kind], owner.agencyId);
  // one byte over the limit is read, so that the use case refuses the file as too large
  const form = await readMultipartForm(call.request, { fileBytes: call.deps.attachments.maxBytes + 1, files: 1, fields: 5 });
  if (!form) throw fileMissing('请以 multipart/form-data 上传文件（字段 file）。');
  if (form.problem === 'tooManyFiles') throw fileMissing('一次只能上传一个文件（字段 file）。');
  if (form.problem === 'malformed') throw fileMissing('上传的数据不完整或格式不正确（字段 file）。');
  const file = form.files.find((f) => f.field === 'file');
  if (!file) throw fileMissing('缺少要上传的文件（字段 file）。');
  try {
    return presentAttachment(await addAttachment(attachmentContext(call), { ownerKind: kind, ownerId: owner.id, filename: file.filename, mime: file.mime, bytes: file.bytes }));
  } catch (error) {
    // the file's own refusals name the field they are about
    if (isAppError(error) && error.code.startsWith('attachment.') && error.code !== 'attachment.notFound') {
      throw new AppError(error.code, error.message, { ...error.details, field: 'file' });
    }
    throw error;
  }
}

async function list(call: StaffCall, kind: OwnerKind) {
  const owner = await ownerOf(call, kind);
  return { items: (await listAttachments(call.ctx, { ownerKind: kind, ownerId: owner.id })).map(presentAttachment) };
}

const UPLOAD_ERRORS = {
  '400': '缺少文件、文件为空或请求不是 multipart/form-data（field: file）',
  '403': '令牌的角色或机关不能添加附件',
  '413': '文件超过 MAX_UPLOAD_MB（attachment.tooLarge，field: file）',
  '415': '文件类型不在允许之列，或内容与类型不符（attachment.typeNotAllowed、attachment.contentMismatch，field: file）',
};

const owners = [
  { kind: 'application', segment: 'applications', name: 'Application', label: '申请', param: '申请编号', notFoundLabel: '申请不存在' },
  { kind: 'catalogueItem', segment: 'catalogue', name: 'CatalogueItem', label: '目录条目', param: '目录条目编号', notFoundLabel: '目录条目不存在' },
] as const;

export const ATTACHMENT_OPERATIONS: readonly StaffOperation[] = [
  ...owners.flatMap((o): StaffOperation[] => [
    {
      method: 'GET',
      path: `/api/v1/staff/${o.segment}/:id/attachments`,
      operationId: `staffList${o.name}Attachments`,
      summary: `${o.label}的附件`,
      params: { id: o.param },
      response: { status: 200, name: 'AttachmentList', description: '附件列表（按上传先后）', schema: attachmentListResponse },
      errors: { '403': `令牌无权查看该${o.label}`, '404': o.notFoundLabel },
      handle: (call) => list(call, o.kind),
    },
    {
      method: 'POST',
      path: `/api/v1/staff/${o.segment}/:id/attachments`,
      operationId: `staffUpload${o.name}Attachment`,
      summary: `为${o.label}上传一个附件（multipart/form-data，字段 file）`,
      params: { id: o.param },
      body: { name: 'AttachmentUpload', schema: () => uploadBody, mediaType: 'multipart/form-data' },
      response: { status: 201, name: 'Attachment', description: '已保存的附件', schema: attachmentResponse },
      errors: { ...UPLOAD_ERRORS, '404': o.notFoundLabel },
      handle: (call) => upload(call, o.kind),
    },
  ]),
  {
    method: 'GET',
    path: '/api/v1/staff/attachments/:id',
    operationId: 'staffDownloadAttachment',
    summary: '下载一个附件（原文件名见 Content-Disposition）',
    params: { id: '附件编号' },
    response: { status: 200, name: 'AttachmentFile', description: '附件文件，Content-Type 为其类型', file: true },
    errors: { '403': '令牌无权查看该附件所属的申请或目录条目', '404': '附件不存在' },
    handle: async (call) => {
      const file = await getAttachment(attachmentContext(call), { attachmentId: pathId(call.params['id'], attachmentNotFound) });
      attachmentHeaders(call.reply, file);
      return file.bytes;
    },
  },
];
