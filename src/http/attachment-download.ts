/**
 * An attachment sent as a download, the same way from the office and the staff API: its stored (checked) MIME type,
 * `Content-Disposition: attachment` so a browser never renders it in the site's origin, `nosniff`, and its name as
 * RFC 5987 `filename*` beside an ASCII fallback.
 */
import type { FastifyReply } from 'fastify';
import { FILE_TYPES } from '../modules/attachments/domain/file-types.ts';

export interface AttachmentFile {
  readonly id: number;
  readonly filename: string;
  readonly mime: string;
  readonly bytes: Buffer;
}

/** RFC 6266: `filename="attachment-12.pdf"; filename*=UTF-8''%E7%AD%94…` (every byte outside attr-char percent-encoded). */
export function attachmentDisposition(file: Pick<AttachmentFile, 'id' | 'filename' | 'mime'>): string {
  const extension = FILE_TYPES.find((t) => t.mime === file.mime)?.extensions[0];
  const fallback = `attachment-${file.id}${extension ? `.${extension}` : ''}`;
  const encoded = encodeURIComponent(file.filename).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Sets the download's headers (the caller sends the bytes). */
export function attachmentHeaders(reply: FastifyReply, file: Omit<AttachmentFile, 'bytes'>): FastifyReply {
  // plain text is stored only when it is valid UTF-8 (file-types.ts), so it is said so
  const type = file.mime.startsWith('text/') ? `${file.mime}; charset=utf-8` : file.mime;
  return reply
    .type(type)
    .header('Content-Disposition', attachmentDisposition(file))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store');
}

export function sendAttachment(reply: FastifyReply, file: AttachmentFile): FastifyReply {
  return attachmentHeaders(reply, file).send(file.bytes);
}
