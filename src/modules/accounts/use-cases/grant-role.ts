import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { findAgency, subordinatesIn } from '../../agencies/agencies.repository.ts';
import { findUser, insertRoles, listRolesOfUser } from '../accounts.repository.ts';
import { userRoleSchema, type UserRoleInput } from '../accounts.schemas.ts';
import type { UseCaseContext } from '../context.ts';
import { parseInput } from '../../../parse-input.ts';
import { actorLabel, authorize } from '../policy.ts';
import { toUserView, type UserView } from '../user-view.ts';

/** Gives a user a role in an agency (an admin of that agency). Granting a role already held changes nothing. */
export async function grantRole(ctx: UseCaseContext, raw: UserRoleInput): Promise<UserView> {
  const input = parseInput(userRoleSchema, raw);
  await authorize(ctx.actor, 'users.manage', input.agencyId, subordinatesIn(ctx.db));
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findUser(trx, input.userId);
    if (!user) throw new AppError('account.notFound', `用户（编号 ${input.userId}）不存在。`);
    if (!(await findAgency(trx, input.agencyId))) throw new AppError('agency.notFound', `机关（编号 ${input.agencyId}）不存在。`);
    const before = await listRolesOfUser(trx, user.id);
    const held = before.some((r) => r.agency_id === input.agencyId && r.role === input.role);
    if (!held) {
      await insertRoles(trx, [{ user_id: user.id, agency_id: input.agencyId, role: input.role }]);
      await appendAudit(trx, {
        agencyId: input.agencyId,
        actor: actorLabel(ctx.actor),
        action: 'user.roleGranted',
        subject: `user:${user.id}`,
        details: { role: input.role },
        at: ctx.clock.now(),
      });
    }
    return toUserView(user, await listRolesOfUser(trx, user.id));
  });
}
