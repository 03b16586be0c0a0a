/** A user as the use cases return it: never the password hash. */
import type { Role, User, UserRole } from '../../db/schema.ts';

export interface UserView {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly disabled: boolean;
  /** Locked after too many failed sign-ins, until this instant (ISO); null when not locked. */
  readonly lockedUntil: string | null;
  readonly roles: readonly { readonly agencyId: number; readonly role: Role }[];
}

export function toUserView(user: User, roles: readonly UserRole[]): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    disabled: user.disabled_at !== null,
    lockedUntil: user.locked_until,
    roles: roles.map((r) => ({ agencyId: r.agency_id, role: r.role })),
  };
}
