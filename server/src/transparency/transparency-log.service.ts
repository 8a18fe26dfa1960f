import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canonicalJson,
  openCheckpoint,
  signedCheckpoint,
  toBase64,
  verifyInclusion,
  vietnamDay,
  VIETNAM_OFFSET,
  type ConsistencyProofView,
  type LogEntriesView,
  type LogEntry,
  type LoggedRecordView,
  type TreeHeadView,
} from '@nguon/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { inTurns } from '../common/in-turns.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { sha256, verifyEd25519 } from '../common/signing/signing-key.js';
import { LogSigningKey } from './log-signing-key.js';
import { append, consistencyPath, EMPTY_ROOT, inclusionPath, leafHashOf, nodesRead, subtreesOf, type NodeLookup } from './merkle-tree.js';
import {
  insertNodes,
  insertTreeHead,
  latestTreeHead,
  leavesFrom,
  logSize,
  moveIntoLog,
  readNodes,
  subjectLeaves,
  subjectPending,
  takeSequencerLock,
  treeHeadBefore,
  type TreeHeadRow,
} from './transparency-log.queries.js';

/** Records appended in one transaction, and how often each instance looks for queued ones. */
const APPEND_LIMIT = 5_000;
/**
 * The embedded database serves one session, and a shopper's page waits for the transaction that
 * holds it: 500 records held it 60–120 ms while an import queued thousands, 100 hold it 10–30 ms.
 */
const APPEND_LIMIT_EMBEDDED = 100;
const SEQUENCE_MS = 1_000;
/** Records a page of the whole log holds. */
export const ENTRIES_PAGE = 1_000;

const DAY_MS = 24 * 3600_000;
/** When a day ends in Vietnam's time: its next midnight at UTC+07:00. */
const endOfDay = (day: string): Date => new Date(Date.parse(`${day}T00:00:00${VIETNAM_OFFSET}`) + DAY_MS);
/**
 * A day counts as closed a minute after its midnight: a head signed just before it, in a
 * transaction that commits just after, is then in; until then the day's checkpoint could still change.
 */
const DAY_SETTLES_MS = 60_000;

const leafOf = (entry: LogEntry): Buffer => leafHashOf(Buffer.from(canonicalJson(entry), 'utf8'));

/**
 * The transparency log (decision record 0037): appends queued records to the Merkle tree, signs
 * each new tree head, and proves what it holds. Every instance runs the sequencer once a second;
 * an advisory lock lets one append at a time.
 */
@Injectable()
export class TransparencyLog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TransparencyLog.name);
  private readonly key: LogSigningKey;
  private readonly appendLimit: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = LogSigningKey.load(config.transparencyLog);
    this.appendLimit = config.databaseUrl ? APPEND_LIMIT : APPEND_LIMIT_EMBEDDED;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sequence();
    this.timer = setInterval(() => void this.sequence(), SEQUENCE_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Appends every queued record (one run at a time in this process); how many it appended. */
  sequence(): Promise<number> {
    this.running ??= this.appendQueued()
      .catch((error: Error) => {
        this.logger.warn(`the transparency log could not append (it tries again): ${error.message}`);
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async appendQueued(): Promise<number> {
    let appended = 0;
    for (;;) {
      const count = await this.db.transaction(async (tx) => {
        if (!(await takeSequencerLock(tx))) return 0;
        const size = await logSize(tx);
        const pending = await moveIntoLog(tx, size, this.appendLimit);
        const head = await latestTreeHead(tx);
        if (pending.length === 0 && head) return 0;
        const entries = pending.map((p) => p.entry);
        // Hashed in turns: 5,000 leaves at once would keep a shopper's request waiting tens of milliseconds.
        const leaves: Buffer[] = [];
        for await (const entry of inTurns(entries)) leaves.push(leafOf(entry));
        const { nodes, root } = await append(size, await readNodes(tx, subtreesOf(0, size)), leaves);
        if (entries.length) await insertNodes(tx, nodes);
        const newSize = size + entries.length;
        await insertTreeHead(tx, { size: newSize, root, checkpoint: await this.checkpoint(newSize, root) });
        return entries.length;
      });
      appended += count;
      if (count < this.appendLimit) return appended;
    }
  }

  private checkpoint(size: number, root: Buffer): Promise<string> {
    return signedCheckpoint(sha256, { origin: this.key.name, size, root }, this.key);
  }

  verifierKey(): Promise<string> {
    return this.key.verifierKey();
  }

  async treeHead(db: EntityManager = this.db.manager): Promise<TreeHeadView> {
    const head = await latestTreeHead(db);
    if (!head) throw new DomainError('LOG_NOT_READY');
    return this.headView(head);
  }

  private async headView(head: TreeHeadRow): Promise<TreeHeadView> {
    return {
      origin: this.key.name,
      size: Number(head.size),
      rootHash: toBase64(head.root),
      checkpoint: head.checkpoint,
      signedAt: head.signed_at.toISOString(),
      verifierKey: await this.verifierKey(),
    };
  }

  /**
   * The checkpoint that closed a day (Vietnam's time, UTC+07:00): the last one signed before its
   * end, a file anyone can fetch and keep, one a day. Days to come are not published yet.
   */
  async dailyCheckpoint(day: string, now = new Date()): Promise<string> {
    const end = endOfDay(day);
    if (end.getTime() + DAY_SETTLES_MS > now.getTime()) throw new DomainError('LOG_DAY_NOT_CLOSED');
    const head = await treeHeadBefore(this.db.manager, end);
    if (!head) throw new DomainError('LOG_NOT_READY');
    return head.checkpoint;
  }

  /** The last day closed by `now` (Vietnam's time) and its checkpoint; null before anything was signed that day or earlier. */
  async lastClosedDay(now = new Date()): Promise<{ day: string; checkpoint: string } | null> {
    const day = vietnamDay(now.getTime() - DAY_SETTLES_MS - DAY_MS);
    const head = await treeHeadBefore(this.db.manager, endOfDay(day));
    return head ? { day, checkpoint: head.checkpoint } : null;
  }

  /** The proof that the tree of `to` leaves appends to the tree of `from` leaves. */
  async consistency(from: number, to: number): Promise<ConsistencyProofView> {
    const head = await latestTreeHead(this.db.manager);
    const size = head ? Number(head.size) : 0;
    if (from > to || to > size)
      throw new DomainError('LOG_RANGE_INVALID', {
        vi: `Cần 0 ≤ from ≤ to ≤ ${size} (kích thước hiện tại của sổ).`,
        en: `0 ≤ from ≤ to ≤ ${size} (the log's current size) is needed.`,
      });
    const path = await this.computed((node) => consistencyPath(from, to, node));
    return { from, to, path: path.map(toBase64) };
  }

  async entries(start: number): Promise<LogEntriesView> {
    const rows = await leavesFrom(this.db.manager, start, start + ENTRIES_PAGE);
    return {
      start,
      entries: rows.map((row) => ({ position: Number(row.position), entry: row.entry, loggedAt: row.logged_at.toISOString() })),
    };
  }

  /** The logged records of a batch or a business, each proved against the latest tree head, and those still queued. */
  async provedRecords(
    subjectId: string,
    db: EntityManager = this.db.manager,
  ): Promise<{ treeHead: TreeHeadView; logged: LoggedRecordView[]; pending: LogEntry[] }> {
    const { head, leaves, pending } = await this.recordsOf([subjectId], db);
    const size = Number(head.size);
    const paths = await this.computed((node) => leaves.map((leaf) => inclusionPath(Number(leaf.position), 0, size, node)), db);
    return {
      treeHead: await this.headView(head),
      logged: leaves.map((leaf, n) => ({
        position: Number(leaf.position),
        entry: leaf.entry,
        loggedAt: leaf.logged_at.toISOString(),
        inclusionPath: paths[n]!.map(toBase64),
      })),
      pending,
    };
  }

  /**
   * What the log holds of each batch (logged, then queued, in order), for the integrity check,
   * once the latest tree head's signature and every such record's inclusion in it are checked here:
   * a log rewritten in the database proves nothing. Null when they do not check out.
   */
  async heldFor(batchIds: string[], db: EntityManager = this.db.manager): Promise<Map<string, LogEntry[]> | null> {
    const { head, leaves, pending } = await this.recordsOf(batchIds, db);
    const size = Number(head.size);
    const key = { name: this.key.name, publicKey: this.key.publicKey };
    const opened = await openCheckpoint(sha256, head.checkpoint, key, verifyEd25519);
    if (!opened || opened.size !== size || !head.root.equals(opened.root)) return null;
    const paths = await this.computed((node) => leaves.map((leaf) => inclusionPath(Number(leaf.position), 0, size, node)), db);
    for (const [n, leaf] of leaves.entries()) {
      const proof = { index: Number(leaf.position), size, leaf: leafOf(leaf.entry), path: paths[n]! };
      if (!(await verifyInclusion(sha256, proof, opened.root))) return null;
    }
    const held = new Map(batchIds.map((id) => [id, [] as LogEntry[]]));
    for (const entry of [...leaves.map((leaf) => leaf.entry), ...pending])
      for (const batchId of entry.batches) held.get(batchId)?.push(entry);
    return held;
  }

  /** The head, the leaves under it and the queue, read in one snapshot: a record the sequencer moves meanwhile is in one of them. */
  private async recordsOf(subjectIds: string[], db: EntityManager) {
    const read = async (tx: EntityManager) => {
      const head = await latestTreeHead(tx);
      if (!head) throw new DomainError('LOG_NOT_READY');
      const leaves = await subjectLeaves(tx, subjectIds, Number(head.size));
      return { head, leaves, pending: await subjectPending(tx, subjectIds) };
    };
    return db.queryRunner?.isTransactionActive ? read(db) : db.transaction('REPEATABLE READ', read);
  }

  /** Runs a computation over stored nodes: once to learn which it reads, which one query then fetches. */
  private async computed<T>(compute: (node: NodeLookup) => T, db: EntityManager = this.db.manager): Promise<T> {
    const nodes = await readNodes(db, nodesRead(compute));
    return compute((level, index) => nodes.get(`${level}/${index}`) ?? EMPTY_ROOT);
  }
}
