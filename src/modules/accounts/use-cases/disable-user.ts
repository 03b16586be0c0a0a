import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { subordinatesIn } from '../../agencies/agencies.repository.ts';
import { findUser, listRolesOfUser, revokeApiTokensOfUser, revokeSessionsOfUser, setUserDisabled } from '../accounts.repository.ts';
import type { UseCaseContext } from '../context.ts';
import { actorLabel, authorize } from '../policy.ts';
import { toUserView, type UserView } from '../user-view.ts';

/**
 * Disables an account: it can no longer sign in, and its sessions and API tokens end at once. The actor must manage
 * users in every agency where the user holds a role (one agency's admin cannot lock another agency's staff out).
 */
export async function disableUser(ctx: UseCaseContext, userId: number): Promise<UserView> {
  const subordinatesOf = subordinatesIn(ctx.db);
  const roles = await listRolesOfUser(ctx.db, userId);
  const agencyIds = [...new Set(roles.map((r) => r.agency_id))];
  // A user with no role is managed by nobody but gongkai itself.
  if (agencyIds.length === 0 && ctx.actor.kind !== 'system') {
    throw new AppError('access.denied', '您没有权限停用该用户。', { action: 'users.manage', userId });
  }
  for (const agencyId of agencyIds) await authorize(ctx.actor, 'users.manage', agencyId, subordinatesOf);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findUser(trx, userId);
    if (!user) throw new AppError('account.notFound', `用户（编号 ${userId}）不存在。`);
    if (user.disabled_at !== null) return toUserView(user, roles);
    await setUserDisabled(trx, userId, now.toISOString());
    const sessions = await revokeSessionsOfUser(trx, userId, now.toISOString());
    const tokens = await revokeApiTokensOfUser(trx, userId, now.toISOString());
    for (const agencyId of agencyIds.length > 0 ? agencyIds : [null]) {
      await appendAudit(trx, {
        agencyId,
        actor: actorLabel(ctx.actor),
        action: 'user.disabled',
        subject: `user:${userId}`,
        details: { sessionsRevoked: sessions, tokensRevoked: tokens },
        at: now,
      });
    }
    return toUserView({ ...user, disabled_at: now.toISOString() }, roles);
  });
}
