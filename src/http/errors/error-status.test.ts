import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../errors.ts';
import { statusForCode } from './error-status.ts';

describe('the error → status table', () => {
  it('gives every known error code a 4xx or 503 status, never the fallback 500', () => {
    for (const code of ERROR_CODES) {
      const status = statusForCode(code);
      expect([400, 401, 403, 404, 409, 413, 415, 503], code).toContain(status);
    }
  });

  it.each([
    ['agency.notFound', 404],
    ['application.notFound', 404],
    ['catalogue.notFound', 404],
    ['access.denied', 403],
    ['input.invalid', 400],
    ['agency.codeTaken', 409],
    ['application.event.notAllowed', 409],
    ['application.extension.alreadyApproved', 409],
    ['attachment.tooLarge', 413],
    ['account.signIn.failed', 401],
  ])('%s → %i', (code, status) => {
    expect(statusForCode(code)).toBe(status);
  });

  it('answers 500 for a code it does not know', () => {
    expect(statusForCode('something.unheardOf')).toBe(500);
  });
});
