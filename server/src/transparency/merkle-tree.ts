import { hash } from 'node:crypto';
import { inTurns } from '../common/in-turns.js';

/**
 * The log's Merkle tree as the server keeps it (RFC 9162 §2.1): every complete subtree's hash is
 * stored as a node (level, index), covering leaves [index·2^level, (index+1)·2^level). Any range
 * the RFC's definitions take apart is a run of such subtrees, so roots and proofs read O(log n)
 * nodes. The verifier's side is in @nguon/shared (transparency/merkle.ts).
 */
export type NodeKey = readonly [level: number, index: number];
export type NodeLookup = (level: number, index: number) => Buffer;

export const EMPTY_ROOT = hash('sha256', Buffer.alloc(0), 'buffer');

const LEAF = Buffer.of(0);
const NODE = Buffer.of(1);

// One-shot hashes: cheaper than a hash object each, and the log hashes two for every record it takes.
export const leafHashOf = (data: Buffer): Buffer => hash('sha256', Buffer.concat([LEAF, data]), 'buffer');

export const nodeHashOf = (left: Buffer, right: Buffer): Buffer => hash('sha256', Buffer.concat([NODE, left, right]), 'buffer');

/** The largest power of two below n (n > 1). */
function splitOf(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The complete subtrees that make up leaves [start, end), left to right, largest first. */
export function subtreesOf(start: number, end: number): NodeKey[] {
  const keys: NodeKey[] = [];
  let at = start;
  while (at < end) {
    let level = 0;
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= end) level++;
    keys.push([level, at / 2 ** level]);
    at += 2 ** level;
  }
  return keys;
}

/** MTH(D[start:end]): the runs of complete subtrees folded from the right. */
export function rangeHash(start: number, end: number, node: NodeLookup): Buffer {
  if (end === start) return EMPTY_ROOT;
  const hashes = subtreesOf(start, end).map(([level, index]) => node(level, index));
  return hashes.reduceRight((right, left) => nodeHashOf(left, right));
}

/** RFC 9162 §2.1.3.1: PATH(m, D[start:end]). */
export function inclusionPath(m: number, start: number, end: number, node: NodeLookup): Buffer[] {
  const n = end - start;
  if (n <= 1) return [];
  const k = splitOf(n);
  return m < k
    ? [...inclusionPath(m, start, start + k, node), rangeHash(start + k, end, node)]
    : [...inclusionPath(m - k, start + k, end, node), rangeHash(start, start + k, node)];
}

/** RFC 9162 §2.1.4.1: PROOF(m, D[n]), from SUBPROOF(m, D[start:end], b). */
export function consistencyPath(m: number, n: number, node: NodeLookup): Buffer[] {
  const subproof = (size: number, start: number, end: number, whole: boolean): Buffer[] => {
    if (size === end - start) return whole ? [] : [rangeHash(start, end, node)];
    const k = splitOf(end - start);
    return size <= k
      ? [...subproof(size, start, start + k, whole), rangeHash(start + k, end, node)]
      : [...subproof(size - k, start + k, end, false), rangeHash(start, start + k, node)];
  };
  return m === 0 || m === n ? [] : subproof(m, 0, n, true);
}

/**
 * The nodes `compute` reads, found by running it once on placeholders: what to fetch in one query
 * before running it on the stored hashes.
 */
export function nodesRead(compute: (node: NodeLookup) => unknown): NodeKey[] {
  const keys = new Map<string, NodeKey>();
  compute((level, index) => {
    keys.set(`${level}/${index}`, [level, index]);
    return EMPTY_ROOT;
  });
  return [...keys.values()];
}

/**
 * Appends leaves to a tree of `size` leaves whose complete subtrees along its right edge are
 * `edge` (the `subtreesOf(0, size)`): the new nodes, every level, and the new root. Hashed in
 * turns: the thousands of leaves a busy second queues would keep a shopper's request waiting.
 */
export async function append(
  size: number,
  edge: Map<string, Buffer>,
  leaves: Buffer[],
): Promise<{ nodes: { level: number; index: number; hash: Buffer }[]; root: Buffer }> {
  const known = new Map(edge);
  const nodes: { level: number; index: number; hash: Buffer }[] = [];
  const put = (level: number, index: number, hash: Buffer) => {
    known.set(`${level}/${index}`, hash);
    nodes.push({ level, index, hash });
  };
  let position = size;
  for await (const leaf of inTurns(leaves)) {
    put(0, position, leaf);
    // Each subtree this leaf completes: its two halves are known by now.
    for (let level = 1; (position + 1) % 2 ** level === 0; level++) {
      const index = (position + 1) / 2 ** level - 1;
      put(level, index, nodeHashOf(known.get(`${level - 1}/${2 * index}`)!, known.get(`${level - 1}/${2 * index + 1}`)!));
    }
    position++;
  }
  const root = rangeHash(0, size + leaves.length, (level, index) => known.get(`${level}/${index}`)!);
  return { nodes, root };
}
