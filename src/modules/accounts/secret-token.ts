/**
 * Bearer secrets (session cookies, API tokens): 32 random bytes, shown to their holder once; only their sha256 is
 * stored, so a copy of the database lets nobody sign in.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A new secret: 32 random bytes, base64url, with an optional readable prefix (e.g. 'gk_' for API tokens). */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** sha256 (hex) of a token, the form stored and looked up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
