import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live, by key: PostgreSQL, where every instance reaches them, or the
 * embedded database's folder; an object store fits behind the same three calls. Keys are made by
 * the portal (`<businessId>/<attachmentId>`), never by clients.
 */
export interface AttachmentStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** Fails with ATTACHMENT_NOT_FOUND when nothing is stored under the key. */
  open(key: string): Promise<Readable>;
  /** Removing a missing key is not an error. */
  remove(key: string): Promise<void>;
}

export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');
