/**
 * The file types accepted as attachments (reply letters, notices, catalogue documents), each recognised by its
 * content, not only by its name: an upload whose bytes do not match its declared type is refused.
 */

export type Signature = 'pdf' | 'zip' | 'ole' | 'jpeg' | 'png' | 'text';

export interface FileType {
  readonly mime: string;
  readonly extensions: readonly string[];
  readonly label: string;
  readonly signature: Signature;
}

export const FILE_TYPES: readonly FileType[] = [
  { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF', signature: 'pdf' },
  { mime: 'application/ofd', extensions: ['ofd'], label: 'OFD 版式文件', signature: 'zip' },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word', signature: 'zip' },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel', signature: 'zip' },
  { mime: 'application/msword', extensions: ['doc'], label: 'Word 97-2003', signature: 'ole' },
  { mime: 'application/vnd.ms-excel', extensions: ['xls'], label: 'Excel 97-2003', signature: 'ole' },
  { mime: 'application/vnd.ms-works', extensions: ['wps', 'et'], label: 'WPS', signature: 'ole' },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG 图片', signature: 'jpeg' },
  { mime: 'image/png', extensions: ['png'], label: 'PNG 图片', signature: 'png' },
  { mime: 'text/plain', extensions: ['txt'], label: '纯文本', signature: 'text' },
  { mime: 'application/zip', extensions: ['zip'], label: 'ZIP 压缩包', signature: 'zip' },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

export function matchesSignature(bytes: Uint8Array, signature: Signature): boolean {
  switch (signature) {
    case 'pdf':
      return startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
    case 'zip':
      return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]); // PK\3\4
    case 'ole':
      return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'text':
      return !bytes.includes(0) && isUtf8(bytes);
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export type FileCheck =
  | { readonly ok: true; readonly type: FileType }
  | { readonly ok: false; readonly problem: 'empty' | 'tooLarge' | 'typeNotAllowed' | 'contentMismatch' };

/** Checks an upload against the size limit, the accepted types (by declared MIME type or extension) and its content. */
export function checkFile(bytes: Uint8Array, declared: { readonly filename: string; readonly mime: string }, maxBytes: number): FileCheck {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, problem: 'tooLarge' };
  const extension = /\.([a-z0-9]+)$/i.exec(declared.filename)?.[1]?.toLowerCase();
  const mime = declared.mime.split(';')[0]!.trim().toLowerCase();
  const type =
    FILE_TYPES.find((t) => t.mime === mime && (extension === undefined || t.extensions.includes(extension))) ??
    (mime === '' || mime === 'application/octet-stream' ? FILE_TYPES.find((t) => extension !== undefined && t.extensions.includes(extension)) : undefined);
  if (!type) return { ok: false, problem: 'typeNotAllowed' };
  return matchesSignature(bytes, type.signature) ? { ok: true, type } : { ok: false, problem: 'contentMismatch' };
}
