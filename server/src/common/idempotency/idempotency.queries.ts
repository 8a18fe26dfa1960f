import type { EntityManager } from 'typeorm';
import type { IdempotencyOwner, IdempotentRequest, StoredAnswer } from './idempotency-store.js';

/** A stored key, with whether it expired or was abandoned by a request that died. */
export interface IdempotencyKeyRow {
  id: string;
  method: string;
  path: string;
  request_hash: string;
  status: number | null;
  response_body: string | null;
  response_headers: Record<string, string> | null;
  stale: boolean;
}

/** The column and id of the key's owner. */
function ownerOf(owner: IdempotencyOwner): [column: string, ownerId: string] {
  return 'userId' in owner ? ['user_id', owner.userId] : ['api_key_id', owner.apiKeyId];
}

/** Inserts the key unless its owner already has it; its id, or null when it was there. */
export async function insertIdempotencyKey(db: EntityManager, request: IdempotentRequest): Promise<string | null> {
  const [column, ownerId] = ownerOf(request.owner);
  const inserted: { id: string }[] = await db.query(
    `INSERT INTO idempotency_keys (${column}, key, method, path, request_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING id`,
    [ownerId, request.key, request.method, request.path, request.hash],
  );
  return inserted[0]?.id ?? null;
}

/**
 * The owner's key; stale when older than `ttlHours`, or still unanswered after
 * `abandonedAfterSeconds`. Null when there is none.
 */
export async function findIdempotencyKey(
  db: EntityManager,
  request: IdempotentRequest,
  ttlHours: number,
  abandonedAfterSeconds: number,
): Promise<IdempotencyKeyRow | null> {
  const [column, ownerId] = ownerOf(request.owner);
  const [row]: IdempotencyKeyRow[] = await db.query(
    `SELECT id, method, path, request_hash, status, response_body, response_headers,
            created_at < now() - make_interval(hours => $3) OR (status IS NULL AND created_at < now() - make_interval(secs => $4)) AS stale
       FROM idempotency_keys WHERE ${column} = $1 AND key = $2`,
    [ownerId, request.key, ttlHours, abandonedAfterSeconds],
  );
  return row ?? null;
}

export async function deleteIdempotencyKey(db: EntityManager, id: string): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE id = $1`, [id]);
}

export async function storeAnswer(db: EntityManager, id: string, answer: StoredAnswer): Promise<void> {
  await db.query(`UPDATE idempotency_keys SET status = $2, response_body = $3, response_headers = $4 WHERE id = $1`, [
    id,
    answer.status,
    answer.body === undefined ? null : JSON.stringify(answer.body),
    JSON.stringify(answer.headers),
  ]);
}

/** Deletes the keys older than `ttlHours`; returns how many. */
export async function deleteExpiredKeys(db: EntityManager, ttlHours: number): Promise<number> {
  const [, count]: [unknown, number] = await db.query(
    `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
    [ttlHours],
  );
  return count;
}
