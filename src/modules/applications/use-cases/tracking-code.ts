/**
 * The tracking code and the secret an applicant gets on receipt. Both are drawn from an alphabet without the
 * characters people confuse (0/O, 1/I/L), so they can be read out on the phone and typed back. The code is 12
 * characters (60 bits: unguessable, unique across agencies); the secret 16 (80 bits) and only its hash is stored,
 * so it is shown once.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function randomCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)]!;
  return out;
}

export const newTrackingCode = (): string => randomCode(12);
export const newSecret = (): string => randomCode(16);

/** What people type: lower case, spaces and hyphens (the receipt prints the code in groups of four). */
export function normaliseCode(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(normaliseCode(secret)).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
