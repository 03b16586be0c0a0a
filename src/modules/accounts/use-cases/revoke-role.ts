import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { subordinatesIn } from '../../agencies/agencies.repository.ts';
import { deleteRole, findUser, listRolesOfUser } from '../accounts.repository.ts';
import { userRoleSchema, type UserRoleInput } from '../accounts.schemas.ts';
import type { UseCaseContext } from '../context.ts';
import { parseInput } from '../../../parse-input.ts';
import { actorLabel, authorize } from '../policy.ts';
import { toUserView, type UserView } from '../user-view.ts';

/** Takes a role in an agency away from a user (an admin of that agency); effective on the user's next request. */
export async function revokeRole(ctx: UseCaseContext, raw: UserRoleInput): Promise<UserView> {
  const input = parseInput(userRoleSchema, raw);
  await authorize(ctx.actor, 'users.manage', input.agencyId, subordinatesIn(ctx.db));
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findUser(trx, input.userId);
    if (!user) throw new AppError('account.notFound', `用户（编号 ${input.userId}）不存在。`);
    const removed = await deleteRole(trx, { user_id: user.id, agency_id: input.agencyId, role: input.role });
    if (removed > 0) {
      await appendAudit(trx, {
        agencyId: input.agencyId,
        actor: actorLabel(ctx.actor),
        action: 'user.roleRevoked',
        subject: `user:${user.id}`,
        details: { role: input.role },
        at: ctx.clock.now(),
      });
    }
    return toUserView(user, await listRolesOfUser(trx, user.id));
  });
}
