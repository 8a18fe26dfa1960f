import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '../common/errors/domain-error.js';
import type { AttachmentStorage } from './attachment-storage.js';

/** Files in one folder, one sub-folder per business; written to a temporary name, then renamed. */
export class DiskAttachmentStorage implements AttachmentStorage {
  constructor(private readonly root: string) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // A crash mid-write leaves a stray temporary file, never a truncated attachment.
    const temporary = `${target}.${randomUUID()}.part`;
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, target);
  }

  async open(key: string): Promise<Readable> {
    const stream = createReadStream(this.pathOf(key));
    // Wait for the open to succeed, so a missing file is a 404 and not a broken response.
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'ENOENT' ? new DomainError('ATTACHMENT_NOT_FOUND') : error),
      );
    });
    return stream;
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`not an attachment key: ${key}`);
    return path.join(this.root, key);
  }
}
