import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { DiskAttachmentStore } from './disk-attachment-store.ts';

describe('DiskAttachmentStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const store = new DiskAttachmentStore(dir);

  it('addresses content by sha256 and reads it back', async () => {
    const stored = await store.put(new TextEncoder().encode('abc'));
    expect(stored).toEqual({ sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', size: 3 });
    expect((await store.get(stored.sha256)).toString()).toBe('abc');
    expect(await store.has(stored.sha256)).toBe(true);
  });

  it('answers "not found" for a missing address and for anything that is not an address (no path escapes)', async () => {
    for (const key of ['0'.repeat(64), '../../etc/passwd', 'AB'.repeat(32)]) {
      const error = await store.get(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('attachment.notFound');
    }
  });
});
