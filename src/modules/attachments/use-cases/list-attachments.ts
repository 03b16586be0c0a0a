import { z } from 'zod';
import { authorize } from '../../applications/applications.policy.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { findOwner, listAttachments as listRows } from '../attachments.repository.ts';
import { attachmentView, ownerNotFound, type AttachmentView } from './attachment-view.ts';

const schema = z.object({
  ownerKind: z.enum(['application', 'catalogueItem']),
  ownerId: z.number().int().positive(),
  /** the owner must belong to this agency (the portal's URL names it): another agency's owner is not found */
  agencyId: z.number().int().positive().optional(),
});

/** The attachments of an application or a catalogue item; the public sees those of published catalogue items only. */
export async function listAttachments(ctx: UseCaseContext, input: unknown): Promise<AttachmentView[]> {
  const i = parseInput(schema, input);
  const owner = await findOwner(ctx.db, i.ownerKind, i.ownerId);
  if (!owner || (i.agencyId !== undefined && owner.agencyId !== i.agencyId)) throw ownerNotFound();
  if (ctx.actor.kind === 'public') {
    if (!(i.ownerKind === 'catalogueItem' && owner.published)) throw ownerNotFound();
  } else {
    await authorize(ctx.db, ctx.actor, i.ownerKind === 'application' ? 'application.read' : 'catalogue.read', owner.agencyId);
  }
  return (await listRows(ctx.db, i.ownerKind, i.ownerId)).map(attachmentView);
}
