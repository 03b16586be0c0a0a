/** How an attachment is described to people: its type by name, its size in KB or MB, what may be uploaded. */
import { FILE_TYPES } from '../../modules/attachments/domain/file-types.ts';

/** "PDF", "Word", … from the stored MIME type (the store keeps only accepted types); otherwise "文件". */
export function fileTypeLabel(mime: string): string {
  return FILE_TYPES.find((t) => t.mime === mime)?.label ?? '文件';
}

/** 12 KB, 3.4 MB (at least 1 KB, so a tiny file does not read as empty). */
export function fileSizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The accepted types by name, for a form's hint. */
export const ACCEPTED_TYPE_LABELS: string = [...new Set(FILE_TYPES.map((t) => t.label))].join('、');

/** The file input's `accept` attribute: the extensions of the accepted types. */
export const ACCEPT_ATTRIBUTE: string = FILE_TYPES.flatMap((t) => t.extensions.map((e) => `.${e}`)).join(',');

/** "20 MB" for the form's hint. */
export function uploadLimitLabel(maxBytes: number): string {
  return maxBytes >= 1024 * 1024 ? `${Math.floor(maxBytes / 1024 / 1024)} MB` : `${Math.max(1, Math.floor(maxBytes / 1024))} KB`;
}
