/**
 * Who may do what, in which agency: the one authorisation policy every use case calls (tenant isolation).
 *
 * Roles are held per agency (a user may hold several, in several agencies):
 * - clerk 经办人 and reviewer 审核人 handle their own agency's work; only a reviewer — the head of the disclosure
 *   office — approves the one extension (Art. 33) and publishes;
 * - admin 管理员 manages the users and the disclosure-office details of their own agency and reads its records;
 * - supervisor 监督人 reads their own agency and every agency below it, transitively (Art. 49: a government's
 *   disclosure office supervises its departments and the governments below), and writes nothing there; in its own
 *   agency it records only its reviews of the report checker's findings ('finding.review', as an admin may).
 * An API token acts as one role in one agency (the scope it was issued with); it never manages users.
 * Pure: the agencies below an agency come from the `subordinatesOf` lookup the caller passes in.
 */
import { AppError } from '../../errors.ts';
import type { Role } from '../../db/schema.ts';

export type { Role };

export const ROLES = ['clerk', 'reviewer', 'admin', 'supervisor'] as const satisfies readonly Role[];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  clerk: '经办人',
  reviewer: '审核人',
  admin: '管理员',
  supervisor: '监督人',
};

export interface ActorRole {
  readonly agencyId: number;
  readonly role: Role;
}

/** A signed-in member of staff, with every role they hold. */
export interface StaffActor {
  readonly kind: 'staff';
  readonly userId: number;
  readonly name: string;
  readonly roles: readonly ActorRole[];
}

/** Another system calling with an API token: exactly one role in one agency. */
export interface TokenActor {
  readonly kind: 'token';
  readonly tokenId: number;
  /** The user who issued the token (accountable for it). */
  readonly userId: number;
  readonly name: string;
  readonly agencyId: number;
  readonly role: Exclude<Role, 'admin'>;
}

/** gongkai itself: the command line (migrate, demo), scheduled jobs (deemed abandonment). */
export interface SystemActor {
  readonly kind: 'system';
  readonly name: string;
}

/** A member of the public on the portal. */
export interface PublicActor {
  readonly kind: 'public';
}

export type Actor = StaffActor | TokenActor | SystemActor | PublicActor;

/** Every action a use case may ask about. */
export const ACTIONS = [
  'agency.read',
  /** create an agency below one's own (a top-level agency only by the system) */
  'agency.create',
  /** Art. 20(2), Art. 24: the disclosure office's address, phone, hours, e-mail */
  'agency.update',
  'users.manage',
  'audit.read',
  'application.register',
  'application.read',
  'application.handle',
  'application.reply',
  /** Art. 33: approve the one extension (head of the disclosure office) */
  'application.approveExtension',
  /** the scheduled job that closes lapsed supplements and fees */
  'application.lapse',
  'catalogue.read',
  'catalogue.edit',
  'catalogue.publish',
  'remedy.read',
  'remedy.edit',
  'report.read',
  'report.build',
  /** Art. 49-50: publish the annual report */
  'report.publish',
  /** the consolidated view of the agencies below */
  'rollup.read',
  /** confirm or dismiss a finding of the report checker, kept in the reviewer's own agency */
  'finding.review',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What a supervisor may do in the agencies below its own (and in its own). */
const READS: ReadonlySet<Action> = new Set<Action>([
  'agency.read',
  'audit.read',
  'application.read',
  'catalogue.read',
  'remedy.read',
  'report.read',
  'rollup.read',
]);

const CLERK: readonly Action[] = [
  'agency.read',
  'application.register',
  'application.read',
  'application.handle',
  'application.reply',
  'catalogue.read',
  'catalogue.edit',
  'remedy.read',
  'remedy.edit',
  'report.read',
  'report.build',
];

/** Own-agency permissions of each role. */
export const ROLE_ACTIONS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  clerk: new Set(CLERK),
  reviewer: new Set<Action>([...CLERK, 'application.approveExtension', 'catalogue.publish', 'report.publish']),
  admin: new Set<Action>([
    'agency.read',
    'agency.create',
    'agency.update',
    'users.manage',
    'audit.read',
    'application.read',
    'catalogue.read',
    'remedy.read',
    'report.read',
    'report.build',
    // Arts. 49-50: the agency's administrator publishes the annual report (as does the reviewer who signs it off).
    'report.publish',
    'finding.review',
  ]),
  // A supervisor writes nothing in the agencies it supervises; its reviews of findings are its own agency's record.
  supervisor: new Set<Action>([...READS, 'finding.review']),
};

const SYSTEM_ACTIONS: ReadonlySet<Action> = new Set<Action>([...READS, 'application.lapse', 'agency.create', 'agency.update', 'users.manage']);

/** The agencies below one agency, all levels down (sync or async; only consulted for a supervisor's read). */
export type SubordinatesOf = (agencyId: number) => Promise<readonly number[]> | readonly number[];

/** Whether the actor may do `action` in agency `agencyId`. */
export async function can(actor: Actor, action: Action, agencyId: number, subordinatesOf: SubordinatesOf): Promise<boolean> {
  switch (actor.kind) {
    case 'public':
      return false;
    case 'system':
      return SYSTEM_ACTIONS.has(action);
    case 'token':
      return action !== 'users.manage' && actor.agencyId === agencyId && ROLE_ACTIONS[actor.role].has(action);
    case 'staff': {
      if (actor.roles.some((r) => r.agencyId === agencyId && ROLE_ACTIONS[r.role].has(action))) return true;
      if (!READS.has(action)) return false;
      for (const r of actor.roles) {
        if (r.role !== 'supervisor') continue;
        if ((await subordinatesOf(r.agencyId)).includes(agencyId)) return true;
      }
      return false;
    }
  }
}

/** Throws AppError `access.denied` unless the actor may do `action` in agency `agencyId`. */
export async function authorize(actor: Actor, action: Action, agencyId: number, subordinatesOf: SubordinatesOf): Promise<void> {
  if (!(await can(actor, action, agencyId, subordinatesOf))) {
    throw new AppError('access.denied', '您没有权限在该机关办理此事项。如需权限，请联系本机关管理员。', { action, agencyId });
  }
}

/** Only gongkai itself acts outside any agency (creating a top-level agency, for instance). */
export function authorizeSystem(actor: Actor, action: Action): void {
  if (actor.kind !== 'system') {
    throw new AppError('access.denied', '只有系统管理命令可以办理此事项。', { action });
  }
}

/** The agencies the actor holds a role in (for a staff member's agency picker). */
export function agenciesOf(actor: Actor): number[] {
  if (actor.kind === 'staff') return [...new Set(actor.roles.map((r) => r.agencyId))];
  if (actor.kind === 'token') return [actor.agencyId];
  return [];
}

/** How an actor is named in the audit log and event history. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'staff':
      return `user:${actor.userId}`;
    case 'token':
      return `token:${actor.tokenId}`;
    case 'system':
      return `system:${actor.name}`;
    case 'public':
      return 'public';
  }
}
