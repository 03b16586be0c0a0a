import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { subordinatesIn } from '../../agencies/agencies.repository.ts';
import { insertRoles, insertUser, findUserByUsername } from '../accounts.repository.ts';
import { createUserSchema, type CreateUserInput } from '../accounts.schemas.ts';
import type { UseCaseContext } from '../context.ts';
import { parseInput } from '../../../parse-input.ts';
import { hashPassword } from '../password-hash.ts';
import { actorLabel, authorize } from '../policy.ts';
import { toUserView, type UserView } from '../user-view.ts';

/** Creates a staff account with its roles. The actor must manage users in every agency a role is given in. */
export async function createUser(ctx: UseCaseContext, raw: CreateUserInput): Promise<UserView> {
  const input = parseInput(createUserSchema, raw);
  const subordinatesOf = subordinatesIn(ctx.db);
  const agencyIds = [...new Set(input.roles.map((r) => r.agencyId))];
  for (const agencyId of agencyIds) await authorize(ctx.actor, 'users.manage', agencyId, subordinatesOf);
  // Hashing takes tens of milliseconds: done before the transaction, so no write lock is held meanwhile.
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    if (await findUserByUsername(trx, input.username)) {
      throw new AppError('account.usernameTaken', `用户名“${input.username}”已被使用，请换一个。`, { field: 'username' });
    }
    const user = await insertUser(trx, {
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      failed_logins: 0,
      locked_until: null,
      disabled_at: null,
      created_at: now.toISOString(),
    });
    const roles = input.roles.map((r) => ({ user_id: user.id, agency_id: r.agencyId, role: r.role }));
    await insertRoles(trx, roles);
    for (const agencyId of agencyIds) {
      await appendAudit(trx, {
        agencyId,
        actor: actorLabel(ctx.actor),
        action: 'user.created',
        subject: `user:${user.id}`,
        details: { username: user.username, roles: roles.filter((r) => r.agency_id === agencyId).map((r) => r.role) },
        at: now,
      });
    }
    return toUserView(user, roles);
  });
}
