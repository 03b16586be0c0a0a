import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword } from './password-hash.ts';

describe('password hashing (scrypt)', () => {
  it('encodes its parameters (N = 2^15, r = 8, p = 1 by default), a salt and a 32-byte key', async () => {
    const hash = await hashPassword('correct-horse-42');
    const [scheme, params, salt, key] = hash.split('$');
    expect([scheme, params]).toEqual(['scrypt', 'ln=15,r=8,p=1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);
    expect(hash).not.toContain('correct-horse-42');
  });

  it('uses a fresh salt each time: the same password gives different hashes, both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('correct-horse-42'), hashPassword('correct-horse-42')]);
    expect(a.split('$')[2]).not.toBe(b.split('$')[2]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct-horse-42', a)).toBe(true);
    expect(await verifyPassword('correct-horse-42', b)).toBe(true);
  });

  it('refuses a wrong password, one character off, and the empty string', async () => {
    const hash = await hashPassword('correct-horse-42');
    expect(await verifyPassword('correct-horse-43', hash)).toBe(false);
    expect(await verifyPassword('Correct-horse-42', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('treats a Chinese passphrase the same in composed and decomposed Unicode', async () => {
    const hash = await hashPassword('公开透明，便民2024');
    expect(await verifyPassword('公开透明，便民2024', hash)).toBe(true);
    expect(await verifyPassword('Cafe\u0301-2024-ok', await hashPassword('Caf\u00e9-2024-ok'))).toBe(true);
  });

  it('returns false, never throws, for a malformed or tampered hash', async () => {
    const hash = await hashPassword('correct-horse-42');
    for (const bad of ['', 'plain', 'bcrypt$2b$10$abc', hash.replace('ln=15', 'ln=40'), hash.replace(/\$[^$]+$/, '$'), hash.replace('r=8', 'r=0')]) {
      expect(await verifyPassword('correct-horse-42', bad)).toBe(false);
    }
  });

  it('verifies hashes made with other parameters, and says when one should be raised', async () => {
    const weak = await hashPassword('correct-horse-42', { ln: 12, r: 8, p: 1 });
    expect(weak.startsWith('scrypt$ln=12,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('correct-horse-42', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('x', DEFAULT_SCRYPT))).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
  });
});
