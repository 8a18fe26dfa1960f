import type { EntityManager } from 'typeorm';
import type { PrincipalRef } from '../auth/principal.js';
import type { ScheduleInput } from './query-schedule.js';

/** A webhook subscription as its subscriber sees it (never its signature token). */
export interface SubscriptionRow {
  id: string;
  dest: string;
  stream: boolean;
  schedule: ScheduleInput | null;
  report_if_empty: boolean;
  epc_format: string;
  initial_record_time: Date;
  last_run_at: Date | null;
  last_notified_at: Date | null;
  suspended_at: Date | null;
  created_at: Date;
}

/** A subscription locked for a run: its query, whose rights it runs with, and how far it has sent. */
export interface RunnableSubscriptionRow extends SubscriptionRow {
  query: Record<string, unknown>;
  principal_kind: PrincipalRef['kind'];
  principal_id: string;
  position_txid: string;
  position_event: string;
}

const VIEW = `s.id, s.dest, s.stream, s.schedule, s.report_if_empty, s.epc_format, s.initial_record_time, s.last_run_at,
              s.last_notified_at, s.suspended_at, s.created_at`;

export interface NewSubscription {
  queryId: string;
  principal: PrincipalRef;
  dest: string;
  signatureToken: string | null;
  schedule: ScheduleInput | null;
  reportIfEmpty: boolean;
  epcFormat: string;
  initialRecordTime: Date;
  nextRunAt: Date | null;
}

export async function insertSubscription(tx: EntityManager, s: NewSubscription): Promise<SubscriptionRow> {
  const [row]: SubscriptionRow[] = await tx.query(
    `INSERT INTO query_subscriptions AS s (query_id, principal_kind, principal_id, dest, signature_token, stream, schedule,
                                          report_if_empty, epc_format, initial_record_time, next_run_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${VIEW}`,
    [
      s.queryId,
      s.principal.kind,
      s.principal.id,
      s.dest,
      s.signatureToken,
      s.schedule === null,
      s.schedule === null ? null : JSON.stringify(s.schedule),
      s.reportIfEmpty,
      s.epcFormat,
      s.initialRecordTime,
      s.nextRunAt,
    ],
  );
  return row!;
}

/** How many subscriptions the query has. */
export async function countSubscriptions(db: EntityManager, queryId: string): Promise<number> {
  const [row] = await db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM query_subscriptions WHERE query_id = $1`, [
    queryId,
  ]);
  return row!.count;
}

/** The query's subscriptions, oldest first, after `after` (an id of the previous page). */
export function listSubscriptions(db: EntityManager, queryId: string, after: string | null, limit: number): Promise<SubscriptionRow[]> {
  return db.query(
    `SELECT ${VIEW} FROM query_subscriptions s WHERE s.query_id = $1 AND ($2::uuid IS NULL OR s.id > $2) ORDER BY s.id LIMIT $3`,
    [queryId, after, limit],
  );
}

export async function findSubscription(db: EntityManager, queryId: string, id: string): Promise<SubscriptionRow | null> {
  const [row]: SubscriptionRow[] = await db.query(`SELECT ${VIEW} FROM query_subscriptions s WHERE s.query_id = $1 AND s.id = $2`, [
    queryId,
    id,
  ]);
  return row ?? null;
}

/** Deletes the subscription and, by cascade, what it had yet to send; false when there is none. */
export async function deleteSubscription(tx: EntityManager, queryId: string, id: string): Promise<boolean> {
  const [, affected] = (await tx.query(`DELETE FROM query_subscriptions WHERE query_id = $1 AND id = $2`, [queryId, id])) as [
    unknown,
    number,
  ];
  return affected > 0;
}

/** The subscriptions that may have something to send: every stream, and the schedules that are due. */
export async function findRunnableSubscriptions(db: EntityManager): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM query_subscriptions WHERE suspended_at IS NULL AND (stream OR next_run_at <= now()) ORDER BY id`,
  );
  return rows.map((row) => row.id);
}

/** Whose rights a subscription runs with, unless it is suspended or gone. */
export async function findSubscriber(db: EntityManager, id: string): Promise<PrincipalRef | null> {
  const [row] = await db.query<{ kind: PrincipalRef['kind']; id: string }[]>(
    `SELECT principal_kind AS kind, principal_id AS id FROM query_subscriptions WHERE id = $1 AND suspended_at IS NULL`,
    [id],
  );
  return row ?? null;
}

/** When the next schedule is due, if any. */
export async function findNextScheduledRun(db: EntityManager): Promise<Date | null> {
  const [row] = await db.query<{ at: Date | null }[]>(
    `SELECT min(next_run_at) AS at FROM query_subscriptions WHERE suspended_at IS NULL AND NOT stream`,
  );
  return row?.at ?? null;
}

/** Locks the subscription for a run, when it is runnable and no other instance is running it (`SKIP LOCKED`). */
export async function lockRunnableSubscription(tx: EntityManager, id: string): Promise<RunnableSubscriptionRow | null> {
  const [row]: RunnableSubscriptionRow[] = await tx.query(
    `SELECT ${VIEW}, q.query, s.principal_kind, s.principal_id, s.position_txid::text AS position_txid, s.position_event
       FROM query_subscriptions s JOIN named_queries q ON q.id = s.query_id
      WHERE s.id = $1 AND s.suspended_at IS NULL AND (s.stream OR s.next_run_at <= now())
      FOR UPDATE OF s SKIP LOCKED`,
    [id],
  );
  return row ?? null;
}

/** Stores how far the subscription has sent; a finished scheduled run also stores when it runs next. */
export async function saveRun(
  tx: EntityManager,
  id: string,
  run: { positionTxid: string; positionEvent: string; finished: boolean; nextRunAt: Date | null },
): Promise<void> {
  await tx.query(
    `UPDATE query_subscriptions
        SET position_txid = $2::xid8, position_event = $3,
            last_run_at = CASE WHEN $4 THEN now() ELSE last_run_at END,
            next_run_at = CASE WHEN $4 AND NOT stream THEN $5 ELSE next_run_at END
      WHERE id = $1`,
    [id, run.positionTxid, run.positionEvent, run.finished, run.nextRunAt],
  );
}

/** Stops running a subscription whose subscriber lost the right to read (user disabled, key revoked), or whose schedule ended. */
export async function suspendSubscription(db: EntityManager, id: string): Promise<void> {
  await db.query(`UPDATE query_subscriptions SET suspended_at = now() WHERE id = $1`, [id]);
}
