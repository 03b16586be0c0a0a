import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { subordinatesIn } from '../../agencies/agencies.repository.ts';
import { insertApiToken } from '../accounts.repository.ts';
import { createApiTokenSchema, type CreateApiTokenInput } from '../accounts.schemas.ts';
import type { UseCaseContext } from '../context.ts';
import { parseInput } from '../../../parse-input.ts';
import { actorLabel, authorize } from '../policy.ts';
import { hashToken, newSecretToken } from '../secret-token.ts';

export interface CreatedApiToken {
  readonly id: number;
  /** Shown once: only its sha256 is stored. */
  readonly token: string;
  readonly agencyId: number;
  readonly role: 'clerk' | 'reviewer' | 'supervisor';
  readonly name: string;
  readonly expiresAt: string | null;
}

/**
 * Issues an API token for another system (e.g. a provincial platform forwarding online applications): it acts as
 * one role in one agency, never manages users. An admin of the agency issues it and answers for it.
 */
export async function createApiToken(ctx: UseCaseContext, raw: CreateApiTokenInput): Promise<CreatedApiToken> {
  const input = parseInput(createApiTokenSchema, raw);
  await authorize(ctx.actor, 'users.manage', input.agencyId, subordinatesIn(ctx.db));
  if (ctx.actor.kind !== 'staff') throw new AppError('access.denied', '接口令牌只能由本机关管理员签发。', { action: 'users.manage' });
  const userId = ctx.actor.userId;
  const now = ctx.clock.now();
  const expiresAt = input.expiresInDays === undefined ? null : new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString();
  const token = newSecretToken('gk_');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertApiToken(trx, {
      user_id: userId,
      agency_id: input.agencyId,
      role: input.role,
      name: input.name,
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_used_at: null,
      revoked_at: null,
    });
    await appendAudit(trx, {
      agencyId: input.agencyId,
      actor: actorLabel(ctx.actor),
      action: 'apiToken.created',
      subject: `apiToken:${row.id}`,
      details: { name: input.name, role: input.role, expiresAt },
      at: now,
    });
    return { id: row.id, token, agencyId: input.agencyId, role: input.role, name: input.name, expiresAt };
  });
}
