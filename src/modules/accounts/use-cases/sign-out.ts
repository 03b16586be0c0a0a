import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { findSessionByHash, revokeSessionById } from '../accounts.repository.ts';
import type { Clock } from '../context.ts';
import { hashToken } from '../secret-token.ts';

/** Ends a session (revokes it). Signing out of an unknown or already ended session is not an error. */
export async function signOut(ctx: { readonly db: Kysely<Database>; readonly clock: Clock }, token: string): Promise<void> {
  const session = await findSessionByHash(ctx.db, hashToken(token));
  if (!session || session.revoked_at !== null) return;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await revokeSessionById(trx, session.id, now.toISOString());
    await appendAudit(trx, {
      agencyId: null,
      actor: `user:${session.user_id}`,
      action: 'account.signedOut',
      subject: `session:${session.id}`,
      at: now,
    });
  });
}
