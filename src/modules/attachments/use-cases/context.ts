import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import type { AttachmentStore } from '../attachment-store.ts';

/** The use-case context plus the store and the upload limit (config: ATTACHMENTS_DIR, MAX_UPLOAD_MB). */
export interface AttachmentContext extends UseCaseContext {
  readonly store: AttachmentStore;
  readonly maxBytes: number;
}
