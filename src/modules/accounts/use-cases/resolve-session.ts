import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';
import { findSessionByHash, findUser, listRolesOfUser } from '../accounts.repository.ts';
import type { Clock } from '../context.ts';
import type { StaffActor } from '../policy.ts';
import { hashToken } from '../secret-token.ts';

export interface ResolvedSession {
  readonly sessionId: number;
  readonly expiresAt: string;
  /** With the roles held now (a role revoked since sign-in is gone at once). */
  readonly actor: StaffActor;
}

/** The member of staff behind a session token; `account.session.invalid` if unknown, expired, revoked or disabled. */
export async function resolveSession(ctx: { readonly db: Kysely<Database>; readonly clock: Clock }, token: string): Promise<ResolvedSession> {
  const invalid = () => new AppError('account.session.invalid', '登录已失效，请重新登录。');
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) throw invalid();
  const session = await findSessionByHash(ctx.db, hashToken(token));
  if (!session || session.revoked_at !== null || session.expires_at <= ctx.clock.now().toISOString()) throw invalid();
  const user = await findUser(ctx.db, session.user_id);
  if (!user || user.disabled_at !== null) throw invalid();
  const roles = await listRolesOfUser(ctx.db, user.id);
  return {
    sessionId: session.id,
    expiresAt: session.expires_at,
    actor: { kind: 'staff', userId: user.id, name: user.display_name, roles: roles.map((r) => ({ agencyId: r.agency_id, role: r.role })) },
  };
}
