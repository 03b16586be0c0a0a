import type { Attachment } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';

export interface AttachmentView {
  readonly id: number;
  readonly ownerKind: string;
  readonly ownerId: number;
  readonly filename: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: string;
}

export function attachmentView(row: Attachment): AttachmentView {
  return {
    id: row.id,
    ownerKind: row.owner_kind,
    ownerId: row.owner_id,
    filename: row.filename,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

export function ownerNotFound(): AppError {
  return new AppError('attachment.notFound', '找不到附件所属的申请或目录条目。');
}
