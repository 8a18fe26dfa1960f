import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { deleteFile, findFile, storeFile } from './attachment-files.queries.js';
import type { AttachmentStorage } from './attachment-storage.js';
import type { DiskAttachmentStorage } from './disk-attachment-storage.js';

/**
 * Files in PostgreSQL (`attachment_files`), where every instance reaches them: uploaded through
 * one, shown through any. Files an instance kept on its disk before are still found there and
 * moved into the database the first time they are asked for.
 */
export class DatabaseAttachmentStorage implements AttachmentStorage {
  constructor(
    private readonly db: DataSource,
    private readonly disk: DiskAttachmentStorage,
  ) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    await storeFile(this.db.manager, key, bytes);
  }

  async open(key: string): Promise<Readable> {
    const bytes = (await findFile(this.db.manager, key)) ?? (await this.fromDisk(key));
    return Readable.from([bytes]);
  }

  async remove(key: string): Promise<void> {
    await deleteFile(this.db.manager, key);
    await this.disk.remove(key);
  }

  /** A file kept on this instance's disk before files were kept in the database: moved there now. */
  private async fromDisk(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.disk.open(key)) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    await storeFile(this.db.manager, key, bytes);
    await this.disk.remove(key);
    return bytes;
  }
}
