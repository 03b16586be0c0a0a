/**
 * Who may do what, for the use cases of applications, the catalogue and remedies. Every use case asks here, and only
 * here, so that switching to the accounts module's policy (src/modules/accounts/, being written) is a change to this
 * one file. Until then the rules below stand in for it: roles are held per agency; clerks and reviewers handle their
 * own agency's work; only a reviewer (the disclosure office's head) extends a reply term (Art. 33) or publishes;
 * a supervisor reads the agencies below its own and changes nothing.
 */
import { AppError } from '../../errors.ts';
import type { Role } from '../../db/schema.ts';

export interface ActorRole {
  readonly agencyId: number;
  readonly role: Role;
}

/** A signed-in member of staff, a system job, or a member of the public (the portal and the public API). */
export type Actor =
  | { readonly kind: 'staff'; readonly userId: number; readonly name: string; readonly roles: readonly ActorRole[] }
  | { readonly kind: 'system'; readonly name: string }
  | { readonly kind: 'public' };

export type Action =
  /** register an application received in person, by post, fax or e-mail (staff) or submitted online (anyone) */
  | 'application.register'
  | 'application.read'
  | 'application.handle'
  /** Art. 33: approve the one extension */
  | 'application.extend'
  /** the lapse job (deemed abandonment) */
  | 'application.lapse'
  | 'catalogue.read'
  | 'catalogue.edit'
  | 'catalogue.publish'
  | 'remedy.read'
  | 'remedy.edit';

const WRITERS: readonly Role[] = ['clerk', 'reviewer'];

const RULES: Readonly<Record<Action, readonly Role[]>> = {
  'application.register': WRITERS,
  'application.read': ['clerk', 'reviewer', 'admin'],
  'application.handle': WRITERS,
  'application.extend': ['reviewer'],
  'application.lapse': [],
  'catalogue.read': ['clerk', 'reviewer', 'admin'],
  'catalogue.edit': WRITERS,
  'catalogue.publish': ['reviewer'],
  'remedy.read': ['clerk', 'reviewer', 'admin'],
  'remedy.edit': WRITERS,
};

const READS: ReadonlySet<Action> = new Set(['application.read', 'catalogue.read', 'remedy.read']);

export interface AgencyScope {
  /** The agencies above the one acted on, nearest first (a supervisor there may read). */
  readonly ancestorIds?: readonly number[];
}

export function isAllowed(actor: Actor, action: Action, agencyId: number, scope: AgencyScope = {}): boolean {
  if (actor.kind === 'system') return action === 'application.lapse' || READS.has(action);
  if (actor.kind === 'public') return false;
  const allowed = RULES[action];
  if (actor.roles.some((r) => r.agencyId === agencyId && allowed.includes(r.role))) return true;
  if (!READS.has(action)) return false;
  const above = scope.ancestorIds ?? [];
  return actor.roles.some((r) => r.role === 'supervisor' && above.includes(r.agencyId));
}

/** Throws `access.forbidden` unless the actor may do `action` in the agency. */
export function authorize(actor: Actor, action: Action, agencyId: number, scope: AgencyScope = {}): void {
  if (!isAllowed(actor, action, agencyId, scope)) {
    throw new AppError('access.forbidden', '您没有权限办理此事项。', { action, agencyId });
  }
}

/** How an actor is named in the audit log and event history. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === 'staff') return `user:${actor.userId}`;
  if (actor.kind === 'system') return `system:${actor.name}`;
  return 'public';
}

/** The role recorded with an extension (Art. 33): reviewer if the actor holds it in the agency. */
export function staffRoleIn(actor: Actor, agencyId: number): 'clerk' | 'reviewer' {
  if (actor.kind !== 'staff') return 'clerk';
  return actor.roles.some((r) => r.agencyId === agencyId && r.role === 'reviewer') ? 'reviewer' : 'clerk';
}
