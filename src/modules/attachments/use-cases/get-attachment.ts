import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { authorize } from '../../applications/applications.policy.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import { findAttachment, findOwner, type OwnerKind } from '../attachments.repository.ts';
import type { AttachmentContext } from './context.ts';
import { attachmentView, type AttachmentView } from './attachment-view.ts';

const schema = z.object({ attachmentId: z.number().int().positive() });

/**
 * An attachment with its bytes. The public reads the attachments of published catalogue items only (anything else
 * is "not found"); staff read those of their agency (a supervisor, of the agencies below).
 */
export async function getAttachment(ctx: AttachmentContext, input: unknown): Promise<AttachmentView & { readonly bytes: Buffer }> {
  const i = parseInput(schema, input);
  const missing = new AppError('attachment.notFound', '找不到该附件。', { attachmentId: i.attachmentId });
  const row = await findAttachment(ctx.db, i.attachmentId);
  if (!row) throw missing;
  const kind = row.owner_kind as OwnerKind;
  const owner = await findOwner(ctx.db, kind, row.owner_id);
  if (!owner) throw missing;
  if (ctx.actor.kind === 'public') {
    if (!(kind === 'catalogueItem' && owner.published)) throw missing;
  } else {
    await authorize(ctx.db, ctx.actor, kind === 'application' ? 'application.read' : 'catalogue.read', owner.agencyId);
  }
  return { ...attachmentView(row), bytes: await ctx.store.get(row.sha256) };
}
