import type { Kysely } from 'kysely';
import { getConfig } from '../../../config/config.ts';
import type { Database } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import {
  clearFailedSignIns,
  findUserByUsername,
  insertSession,
  listRolesOfUser,
  recordFailedSignIn,
  setPasswordHash,
} from '../accounts.repository.ts';
import { signInSchema, type SignInInput } from '../accounts.schemas.ts';
import type { AccountSettings, Clock } from '../context.ts';
import { parseInput } from '../../../parse-input.ts';
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from '../password-hash.ts';
import type { StaffActor } from '../policy.ts';
import { hashToken, newSecretToken } from '../secret-token.ts';

export interface SignedIn {
  /** The session token for the cookie: shown once, only its sha256 is stored. */
  readonly token: string;
  readonly expiresAt: string;
  readonly actor: StaffActor;
}

export interface SignInContext {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  /** Defaults to the process configuration (LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES, SESSION_TTL_HOURS). */
  readonly settings?: AccountSettings;
}

/** One answer for every refusal, so that the page never tells whether a username exists or is locked. */
function refused(): AppError {
  return new AppError(
    'account.signIn.failed',
    '用户名或密码不正确，或账号已被暂时锁定。连续输错多次后账号会锁定一段时间；请稍后再试，或联系本机关管理员。',
  );
}

/**
 * Signs a member of staff in: a new session on success. After `loginMaxFailures` wrong passwords in a row the
 * account is locked for `loginLockMinutes`; while locked, even the right password is refused. Unknown users,
 * disabled and locked accounts get the same answer in about the same time as a wrong password.
 */
export async function signIn(ctx: SignInContext, raw: SignInInput): Promise<SignedIn> {
  const settings = ctx.settings ?? getConfig();
  const input = parseInput(signInSchema, raw);
  const now = ctx.clock.now();
  const user = await findUserByUsername(ctx.db, input.username);
  if (!user) {
    await verifyAgainstNothing(input.password);
    throw refused();
  }

  const passwordOk = await verifyPassword(input.password, user.password_hash);
  if (user.disabled_at !== null) throw refused();
  if (user.locked_until !== null && user.locked_until > now.toISOString()) throw refused();

  if (!passwordOk) {
    const lockUntil = new Date(now.getTime() + settings.loginLockMinutes * 60_000).toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const { locked } = await recordFailedSignIn(trx, user.id, settings.loginMaxFailures, lockUntil);
      await appendAudit(trx, {
        agencyId: null,
        actor: `user:${user.id}`,
        action: locked ? 'account.locked' : 'account.signInFailed',
        subject: `user:${user.id}`,
        details: locked ? { lockedUntil: lockUntil } : {},
        at: now,
      });
    });
    throw refused();
  }

  const rehashed = needsRehash(user.password_hash) ? await hashPassword(input.password) : null;
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + settings.sessionTtlHours * 3_600_000).toISOString();
  const roles = await ctx.db.transaction().execute(async (trx) => {
    await clearFailedSignIns(trx, user.id);
    if (rehashed !== null) await setPasswordHash(trx, user.id, rehashed);
    const session = await insertSession(trx, {
      token_hash: hashToken(token),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: null,
      revoked_at: null,
    });
    await appendAudit(trx, {
      agencyId: null,
      actor: `user:${user.id}`,
      action: 'account.signedIn',
      subject: `session:${session.id}`,
      details: { expiresAt, ...(rehashed !== null ? { passwordRehashed: true } : {}) },
      at: now,
    });
    return listRolesOfUser(trx, user.id);
  });
  return {
    token,
    expiresAt,
    actor: { kind: 'staff', userId: user.id, name: user.display_name, roles: roles.map((r) => ({ agencyId: r.agency_id, role: r.role })) },
  };
}
