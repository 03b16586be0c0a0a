import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { subordinatesIn } from '../../agencies/agencies.repository.ts';
import { findApiToken, revokeApiTokenById } from '../accounts.repository.ts';
import type { UseCaseContext } from '../context.ts';
import { actorLabel, authorize } from '../policy.ts';

/** Revokes an API token of the actor's agency (an admin there). Revoking it twice changes nothing. */
export async function revokeApiToken(ctx: UseCaseContext, tokenId: number): Promise<void> {
  const row = await findApiToken(ctx.db, tokenId);
  if (!row) throw new AppError('account.notFound', `接口令牌（编号 ${tokenId}）不存在。`);
  await authorize(ctx.actor, 'users.manage', row.agency_id, subordinatesIn(ctx.db));
  if (row.revoked_at !== null) return;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await revokeApiTokenById(trx, row.id, now.toISOString());
    await appendAudit(trx, {
      agencyId: row.agency_id,
      actor: actorLabel(ctx.actor),
      action: 'apiToken.revoked',
      subject: `apiToken:${row.id}`,
      details: { name: row.name },
      at: now,
    });
  });
}
