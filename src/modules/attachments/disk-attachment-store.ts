/**
 * Attachments on disk under config.attachmentsDir: <dir>/ab/cd/<sha256>. A file is written to a temporary name,
 * flushed and renamed, so a crash never leaves half a file under a content address.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../errors.ts';
import type { AttachmentStore, StoredContent } from './attachment-store.ts';

const ADDRESS = /^[0-9a-f]{64}$/;

export class DiskAttachmentStore implements AttachmentStore {
  constructor(private readonly dir: string) {}

  private path(sha256: string): string {
    // the address is checked before it becomes a path: nothing outside the folder can be named
    if (!ADDRESS.test(sha256)) throw new AppError('attachment.notFound', '找不到该附件。', { sha256 });
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<StoredContent> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.path(sha256);
    if (await this.has(sha256)) return { sha256, size: bytes.length };
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer> {
    try {
      return await readFile(this.path(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('attachment.notFound', '找不到该附件。', { sha256 });
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.path(sha256))).isFile();
    } catch {
      return false;
    }
  }
}
