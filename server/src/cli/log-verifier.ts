import {
  checkBatchLog,
  checkBusinessLog,
  entryLeaf,
  fromBase64,
  openCheckpoint,
  parseVerifierKey,
  verifyConsistency,
  type BatchLogFinding,
  type BatchLogView,
  type BusinessLogFinding,
  type BusinessLogView,
  type Checkpoint,
  type InclusionFailure,
  type ConsistencyProofView,
  type LogEntriesView,
  type TreeHeadView,
} from '@nguon/shared';
import { sha256, verifyEd25519 } from '../common/signing/signing-key.js';

/** A tree head a verifier keeps, to hold the log to it later. */
export interface SavedTreeHead {
  checkpoint: string;
  verifierKey: string;
  savedAt: string;
}

/** What the verifier found: nothing (`ok`), or the first inconsistency, in both languages. */
export type Finding = { ok: true; summary: Text } | { ok: false; problem: Text };
type Text = { vi: string; en: string };
type Key = { name: string; publicKey: Uint8Array };

/** A rate limit's window is a minute: a few waits see it through; an answer to wait longer is not waited for. */
const RATE_LIMITED_ATTEMPTS = 5;
const MAX_WAIT_SECONDS = 120;

class Inconsistency extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}
const fail = (vi: string, en: string): never => {
  throw new Inconsistency({ vi, en });
};

/**
 * Checks a Nguồn portal's transparency log (decision record 0037) from outside, over its public
 * API: the tree head's signature by the key of a saved head (or the portal's published key on a
 * first run), that the log only grew since the saved head, and then one batch (its records and
 * recall state as the log holds them), one business (its status and certificates as the log holds
 * them, then each of its batches) or the whole log (every record recomputed into the root).
 */
export class LogVerifier {
  /** The heads already found to extend the saved one: a business's batches are mostly under the same head. */
  private readonly extending = new Set<string>();

  constructor(
    private readonly portal: string,
    private readonly saved: SavedTreeHead | null,
    /** Told each time the portal's rate limit makes the check wait, and for how many seconds. */
    private readonly onWait: (seconds: number) => void = () => undefined,
  ) {}

  async check(scope: { batchId?: string; businessId?: string; all?: boolean }): Promise<Finding & { head?: TreeHeadView }> {
    try {
      const key = await this.key();
      if (scope.batchId) {
        const { view, head } = await this.batch(scope.batchId, key);
        return {
          ok: true,
          head: view.treeHead,
          summary: {
            vi: `lô ${scope.batchId}: ${view.chain.length} bản ghi khớp với sổ (${view.pending.length} đang chờ vào sổ), trạng thái thu hồi khớp; sổ có ${head.size} bản ghi`,
            en: `batch ${scope.batchId}: ${view.chain.length} records as logged (${view.pending.length} waiting to be logged), recall state as logged; the log holds ${head.size} records`,
          },
        };
      }
      if (scope.businessId) {
        const { view, head } = await this.business(scope.businessId, key);
        return {
          ok: true,
          head: view.treeHead,
          summary: {
            vi: `doanh nghiệp ${scope.businessId}: trạng thái, chứng nhận (${view.certificates.length}) và các lô (${view.batchIds.length}) khớp với sổ; sổ có ${head.size} bản ghi`,
            en: `business ${scope.businessId}: its status, certificates (${view.certificates.length}) and batches (${view.batchIds.length}) as logged; the log holds ${head.size} records`,
          },
        };
      }
      const current = await this.get<TreeHeadView>('/api/transparency/tree-head');
      const head = await this.trusted(current, key);
      if (scope.all) await this.wholeLog(head);
      return {
        ok: true,
        head: current,
        summary: scope.all
          ? {
              vi: `cả sổ: ${head.size} bản ghi tính lại đúng gốc đã ký`,
              en: `the whole log: ${head.size} records recompute to the signed root`,
            }
          : {
              vi: `sổ có ${head.size} bản ghi, chỉ nối thêm từ đầu cây đã lưu`,
              en: `the log holds ${head.size} records and only grew since the saved tree head`,
            },
      };
    } catch (error) {
      if (error instanceof Inconsistency) return { ok: false, problem: error.text };
      throw error;
    }
  }

  /** One batch: its records and recall state as the log holds them, under a head that extends the saved one. */
  private async batch(batchId: string, key: Key): Promise<{ view: BatchLogView; head: Checkpoint }> {
    const view = await this.get<BatchLogView>(`/api/batches/${batchId}/log`);
    const head = await this.trusted(view.treeHead, key);
    const finding = await checkBatchLog(view, key, { sha256, verify: verifyEd25519 });
    if (!finding.ok) this.batchProblem(finding);
    return { view, head };
  }

  /** A business: its status and certificates as the log holds them, then each of its batches. */
  private async business(businessId: string, key: Key): Promise<{ view: BusinessLogView; head: Checkpoint }> {
    const view = await this.get<BusinessLogView>(`/api/businesses/${businessId}/log`);
    const head = await this.trusted(view.treeHead, key);
    const finding = await checkBusinessLog(view, key, { sha256, verify: verifyEd25519 });
    if (!finding.ok) this.businessProblem(finding);
    for (const batchId of view.batchIds) {
      try {
        await this.batch(batchId, key);
      } catch (error) {
        if (error instanceof Inconsistency) fail(`lô ${batchId}: ${error.text.vi}`, `batch ${batchId}: ${error.text.en}`);
        throw error;
      }
    }
    return { view, head };
  }

  /** The saved head's key; on a first run, the key the portal publishes. */
  private async key(): Promise<Key> {
    const text = this.saved?.verifierKey ?? (await (await this.fetch('/.well-known/nguon-log-key')).text());
    return parseVerifierKey(text) ?? fail('khóa kiểm tra của sổ không đọc được', 'the log’s verifier key cannot be read');
  }

  /** The head, once its signature checks and it extends the saved head (each head checked once a run). */
  private async trusted(view: TreeHeadView, key: Key): Promise<Checkpoint> {
    const head =
      (await openCheckpoint(sha256, view.checkpoint, key, verifyEd25519)) ??
      fail('đầu cây của sổ không được ký bằng khóa của sổ', 'the log’s tree head is not signed with the log’s key');
    if (!this.saved || this.extending.has(view.checkpoint)) return head;
    const before =
      (await openCheckpoint(sha256, this.saved.checkpoint, key, verifyEd25519)) ??
      fail('đầu cây đã lưu không hợp lệ', 'the saved tree head is not valid');
    if (head.size < before.size)
      fail(`sổ đã ngắn lại: ${before.size} → ${head.size} bản ghi`, `the log shrank: ${before.size} → ${head.size} records`);
    const proof = await this.get<ConsistencyProofView>(`/api/transparency/consistency?from=${before.size}&to=${head.size}`);
    if (!(await verifyConsistency(sha256, before, head, proof.path.map(fromBase64))))
      fail(
        `lịch sử của sổ đã bị viết lại từ sau đầu cây đã lưu (${before.size} bản ghi)`,
        `the log’s history was rewritten after the saved tree head (${before.size} records)`,
      );
    this.extending.add(view.checkpoint);
    return head;
  }

  private async wholeLog(head: Checkpoint): Promise<void> {
    const leaves: Uint8Array[] = [];
    while (leaves.length < head.size) {
      const page = await this.get<LogEntriesView>(`/api/transparency/entries?start=${leaves.length}`);
      if (page.entries.length === 0) break;
      for (const { entry } of page.entries) leaves.push(await entryLeaf(sha256, entry));
    }
    const root = await merkleRoot(leaves.slice(0, head.size));
    if (leaves.length < head.size || Buffer.compare(Buffer.from(root), Buffer.from(head.root)) !== 0)
      fail('các bản ghi của sổ không tính ra gốc đã ký', 'the log’s records do not recompute to the signed root');
  }

  /** The head unsigned, or a record not in it: a batch's or a business's. */
  private inclusionProblem(finding: InclusionFailure): never {
    if (finding.problem === 'unsigned')
      return fail('đầu cây của sổ không được ký bằng khóa của sổ', 'the log’s tree head is not signed with the log’s key');
    return fail(
      `bản ghi ở vị trí ${finding.position} của sổ không nằm trong đầu cây đã ký`,
      `the record at position ${finding.position} of the log is not in the signed tree head`,
    );
  }

  private businessProblem(finding: Exclude<BusinessLogFinding, { ok: true }>): never {
    if (finding.problem !== 'different') return this.inclusionProblem(finding);
    const { difference } = finding;
    switch (difference.problem) {
      case 'status_not_as_logged':
        return fail(
          'trạng thái của doanh nghiệp khác với quyết định cuối cùng trong sổ (bị sửa ngoài hệ thống)',
          'the business’s status differs from its last decision in the log (changed behind the portal’s back)',
        );
      case 'certificate_not_as_logged':
        return fail(
          `chứng nhận ${difference.certificateId} của doanh nghiệp khác với bản trong sổ (bị sửa, hoặc chưa từng vào sổ)`,
          `certificate ${difference.certificateId} of the business differs from the log (changed, or never logged)`,
        );
      case 'certificate_missing':
        return fail(
          `chứng nhận ${difference.certificateId} có trong sổ đã biến mất khỏi cổng mà không được gỡ`,
          `certificate ${difference.certificateId}, which the log holds, is gone from the portal without being removed`,
        );
    }
  }

  private batchProblem(finding: Exclude<BatchLogFinding, { ok: true }>): never {
    if (finding.problem !== 'different') return this.inclusionProblem(finding);
    const { difference } = finding;
    const event = difference.eventId ? ` (${difference.eventId})` : '';
    switch (difference.problem) {
      case 'recall_not_as_logged':
        return fail(
          'trạng thái thu hồi của lô khác với các quyết định thu hồi trong sổ',
          'the batch’s recall state differs from the recall decisions in the log',
        );
      case 'record_missing':
        return fail(
          'một bản ghi của lô có trong sổ đã biến mất khỏi cổng',
          'a record of the batch that the log holds is gone from the portal',
        );
      default:
        return fail(
          `bản ghi thứ ${difference.seq} của lô${event} khác với bản trong sổ (bị sửa hoặc chưa từng vào sổ)`,
          `record ${difference.seq} of the batch${event} differs from the log (changed, or never logged)`,
        );
    }
  }

  /** A business's batches are a request each: past the portal's public rate limit, wait as it asks (Retry-After). */
  private async fetch(path: string): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${this.portal}${path}`);
      const wait = Number(response.headers.get('retry-after') ?? Number.NaN);
      if (response.status === 429 && attempt < RATE_LIMITED_ATTEMPTS && wait >= 0 && wait <= MAX_WAIT_SECONDS) {
        this.onWait(wait);
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        continue;
      }
      if (!response.ok) fail(`cổng trả lời ${response.status} cho ${path}`, `the portal answered ${response.status} to ${path}`);
      return response;
    }
  }

  private async get<T>(path: string): Promise<T> {
    return (await (await this.fetch(path)).json()) as T;
  }
}

/** RFC 9162's MTH over leaf hashes. */
async function merkleRoot(leaves: Uint8Array[]): Promise<Uint8Array> {
  if (leaves.length === 0) return sha256(new Uint8Array());
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  const [left, right] = [await merkleRoot(leaves.slice(0, k)), await merkleRoot(leaves.slice(k))];
  return sha256(new Uint8Array([1, ...left, ...right]));
}
