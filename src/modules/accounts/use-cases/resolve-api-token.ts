import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';
import { findApiTokenByHash, findUser, markApiTokenUsed } from '../accounts.repository.ts';
import type { Clock } from '../context.ts';
import type { TokenActor } from '../policy.ts';
import { hashToken } from '../secret-token.ts';

/** The system behind an API token, scoped to its agency and role; `account.token.invalid` if unknown, expired or revoked. */
export async function resolveApiToken(ctx: { readonly db: Kysely<Database>; readonly clock: Clock }, token: string): Promise<TokenActor> {
  const invalid = () => new AppError('account.token.invalid', '接口令牌无效、已过期或已被吊销。');
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) throw invalid();
  const now = ctx.clock.now().toISOString();
  const row = await findApiTokenByHash(ctx.db, hashToken(token));
  if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) throw invalid();
  const issuer = await findUser(ctx.db, row.user_id);
  if (!issuer || issuer.disabled_at !== null) throw invalid();
  await markApiTokenUsed(ctx.db, row.id, now);
  return { kind: 'token', tokenId: row.id, userId: row.user_id, name: row.name, agencyId: row.agency_id, role: row.role };
}
