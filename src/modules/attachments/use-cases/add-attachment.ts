import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { actorLabel, authorize } from '../../applications/applications.policy.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import { raisePublicVersion } from '../../catalogue/catalogue.repository.ts';
import { findOwner, insertAttachment } from '../attachments.repository.ts';
import { FILE_TYPES, checkFile } from '../domain/file-types.ts';
import type { AttachmentContext } from './context.ts';
import { attachmentView, ownerNotFound, type AttachmentView } from './attachment-view.ts';

const schema = z.object({
  ownerKind: z.enum(['application', 'catalogueItem'], { error: '附件应属于申请或目录条目' }),
  ownerId: z.number().int().positive(),
  filename: z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(255, '文件名不能超过255个字符'),
  mime: z.string().max(200).default(''),
  bytes: z.instanceof(Uint8Array, { error: '缺少文件内容' }),
});

/** Stores a file (content-addressed) and attaches it to an application or a catalogue item of the actor's agency. */
export async function addAttachment(ctx: AttachmentContext, input: unknown): Promise<AttachmentView> {
  const i = parseInput(schema, input);
  const check = checkFile(i.bytes, { filename: i.filename, mime: i.mime }, ctx.maxBytes);
  if (!check.ok) throw fileError(check.problem, ctx.maxBytes);
  const owner = await findOwner(ctx.db, i.ownerKind, i.ownerId);
  if (!owner) throw ownerNotFound();
  await authorize(ctx.db, ctx.actor, i.ownerKind === 'application' ? 'application.handle' : 'catalogue.edit', owner.agencyId);
  // the bytes are durable before the row that points at them commits; an orphan file is harmless, a dangling row not
  const stored = await ctx.store.put(i.bytes);
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertAttachment(trx, {
      agency_id: owner.agencyId,
      owner_kind: i.ownerKind,
      owner_id: i.ownerId,
      filename: i.filename,
      mime: check.type.mime,
      size: stored.size,
      sha256: stored.sha256,
      // storage_key is unique per row, while the content address is shared by identical files
      storage_key: `sha256:${stored.sha256}:${randomBytes(8).toString('hex')}`,
      created_at: now,
    });
    // a published item's page lists its attachments: the public sees a change
    if (i.ownerKind === 'catalogueItem' && owner.published) await raisePublicVersion(trx, owner.agencyId);
    await appendAudit(trx, {
      agencyId: owner.agencyId,
      actor: actorLabel(ctx.actor),
      action: 'attachment.added',
      subject: `${i.ownerKind}:${i.ownerId}`,
      details: { attachmentId: row.id, filename: row.filename, sha256: row.sha256, size: row.size },
      at: now,
    });
    return attachmentView(row);
  });
}

function fileError(problem: 'empty' | 'tooLarge' | 'typeNotAllowed' | 'contentMismatch', maxBytes: number): AppError {
  switch (problem) {
    case 'empty':
      return new AppError('attachment.empty', '上传的文件是空的。');
    case 'tooLarge':
      return new AppError('attachment.tooLarge', `文件不能超过 ${Math.floor(maxBytes / 1024 / 1024)} MB。`, { maxBytes });
    case 'typeNotAllowed':
      return new AppError('attachment.typeNotAllowed', `只接受以下类型的文件：${[...new Set(FILE_TYPES.map((t) => t.label))].join('、')}。`);
    case 'contentMismatch':
      return new AppError('attachment.contentMismatch', '文件内容与文件类型不符，请检查后重新上传。');
  }
}
