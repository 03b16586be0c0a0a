/**
 * The attachments section of an office page (application or catalogue item), built for the signed-in actor: the
 * list (read through the use case, so scoped to the actor's agencies) and the upload form when the actor's role
 * may add one. The pages that show it call `attachmentsSection`; the upload routes are in attachments.routes.ts.
 */
import type { FastifyRequest } from 'fastify';
import { ROLE_ACTIONS, type Action } from '../../modules/accounts/policy.ts';
import type { OwnerKind } from '../../modules/attachments/attachments.repository.ts';
import type { AttachmentContext } from '../../modules/attachments/use-cases/context.ts';
import { listAttachments } from '../../modules/attachments/use-cases/list-attachments.ts';
import type { AppDeps } from '../app-deps.ts';
import type { AttachmentsSectionProps } from '../views/office/attachments-section.tsx';
import { parseId, staffContext } from './office-context.ts';
import { sessionOf, type OfficeSession } from './session.ts';

export interface AttachmentOwner {
  readonly kind: OwnerKind;
  readonly id: number;
  readonly agencyId: number;
  /** a published catalogue item: what is added is public at once */
  readonly published?: boolean;
}

/** What the attachments use cases check before adding (the page offers the form only to those who hold it). */
export const ADD_ACTION: Readonly<Record<OwnerKind, Action>> = { application: 'application.handle', catalogueItem: 'catalogue.edit' };

export function attachmentContext(deps: AppDeps, session: OfficeSession): AttachmentContext {
  return { ...staffContext(deps, session), store: deps.attachments.store, maxBytes: deps.attachments.maxBytes };
}

export function uploadPath(owner: Pick<AttachmentOwner, 'kind' | 'id'>): string {
  return owner.kind === 'application' ? `/office/applications/${owner.id}/attachments` : `/office/catalogue/items/${owner.id}/attachments`;
}

/** The section's props; `error` is why an upload was just refused. */
export async function attachmentsSection(deps: AppDeps, request: FastifyRequest, owner: AttachmentOwner, error?: string): Promise<AttachmentsSectionProps> {
  const session = sessionOf(request);
  const items = await listAttachments(staffContext(deps, session), { ownerKind: owner.kind, ownerId: owner.id });
  const mayAdd = session.actor.roles.some((r) => r.agencyId === owner.agencyId && ROLE_ACTIONS[r.role].has(ADD_ACTION[owner.kind]));
  const query = (request.query ?? {}) as Record<string, unknown>;
  const added = error ? undefined : items.find((a) => a.id === parseId(typeof query['attached'] === 'string' ? query['attached'] : undefined));
  return {
    items,
    uploadAction: mayAdd ? uploadPath(owner) : null,
    maxBytes: deps.attachments.maxBytes,
    ...(owner.published ? { note: '本条目已发布：新上传的附件将立即在门户网站公开，并记入审计日志。' } : {}),
    ...(added ? { added } : {}),
    ...(error ? { error } : {}),
  };
}
