/**
 * Where attachment bytes live, addressed by their sha256: the same file stored twice is kept once. The disk store
 * below is the default; an S3-compatible store implements the same three methods.
 */
export interface StoredContent {
  /** sha256 of the bytes, lower-case hex: the content's address */
  readonly sha256: string;
  readonly size: number;
}

export interface AttachmentStore {
  /** Stores the bytes (durably, before it resolves) and returns their address. */
  put(bytes: Uint8Array): Promise<StoredContent>;
  /** The bytes at an address; AppError `attachment.notFound` when there are none. */
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}
