import type { EntityManager } from 'typeorm';

/** Stores a file's bytes under its key (again: the same bytes). */
export async function storeFile(db: EntityManager, key: string, bytes: Buffer): Promise<void> {
  await db.query(`INSERT INTO attachment_files (key, bytes) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET bytes = excluded.bytes`, [
    key,
    bytes,
  ]);
}

/** A file's bytes, when stored. */
export async function findFile(db: EntityManager, key: string): Promise<Buffer | null> {
  const [row] = await db.query<{ bytes: Buffer }[]>(`SELECT bytes FROM attachment_files WHERE key = $1`, [key]);
  return row?.bytes ?? null;
}

export async function deleteFile(db: EntityManager, key: string): Promise<void> {
  await db.query(`DELETE FROM attachment_files WHERE key = $1`, [key]);
}
