/**
 * The transparency log's Merkle tree as RFC 9162 (Certificate Transparency 2.0) §2.1 defines it,
 * with SHA-256: a leaf hashes as H(0x00 || data), an inner node as H(0x01 || left || right). The
 * checks here are what a verifier runs (the consumer's browser, the CLI), over any SHA-256: the
 * browser's is asynchronous (Web Crypto), so these are too.
 */
export type Sha256 = (data: Uint8Array) => Promise<Uint8Array>;

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

export const leafHash = (sha256: Sha256, leaf: Uint8Array): Promise<Uint8Array> => sha256(concat(Uint8Array.of(0), leaf));

export const nodeHash = (sha256: Sha256, left: Uint8Array, right: Uint8Array): Promise<Uint8Array> =>
  sha256(concat(Uint8Array.of(1), left, right));

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * One step of RFC 9162's walk up the tree from node `fn` of last node `sn`: whether the next path
 * hash joins on the left (the node is a right child, or the last at its level), and the indexes
 * one level up (past the levels where a last node has no sibling).
 */
function stepUp(fn: number, sn: number): { left: boolean; fn: number; sn: number } {
  const left = fn % 2 === 1 || fn === sn;
  if (left) {
    while (fn % 2 === 0 && fn !== 0) {
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
  }
  return { left, fn: Math.floor(fn / 2), sn: Math.floor(sn / 2) };
}

/**
 * Whether `proof` shows the leaf with hash `leaf` at `index` in the tree of `size` leaves whose root
 * is `root`: RFC 9162 §2.1.3.2.
 */
export async function verifyInclusion(
  sha256: Sha256,
  proof: { index: number; size: number; leaf: Uint8Array; path: Uint8Array[] },
  root: Uint8Array,
): Promise<boolean> {
  if (proof.index >= proof.size) return false;
  let [fn, sn, r] = [proof.index, proof.size - 1, proof.leaf];
  for (const p of proof.path) {
    if (sn === 0) return false;
    const step = stepUp(fn, sn);
    r = step.left ? await nodeHash(sha256, p, r) : await nodeHash(sha256, r, p);
    ({ fn, sn } = step);
  }
  return sn === 0 && sameBytes(r, root);
}

/**
 * Whether `path` proves the tree of `second.size` leaves appends to the tree of `first.size`
 * leaves (each with its root): RFC 9162 §2.1.4.2.
 */
export async function verifyConsistency(
  sha256: Sha256,
  first: { size: number; root: Uint8Array },
  second: { size: number; root: Uint8Array },
  path: Uint8Array[],
): Promise<boolean> {
  if (first.size > second.size) return false;
  if (first.size === second.size) return path.length === 0 && sameBytes(first.root, second.root);
  if (first.size === 0) return path.length === 0;
  // A first tree that is a complete subtree of the second is its own first node.
  const proof = (first.size & (first.size - 1)) === 0 ? [first.root, ...path] : path;
  if (proof.length === 0) return false;
  let [fn, sn] = [first.size - 1, second.size - 1];
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let [fr, sr] = [proof[0]!, proof[0]!];
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    const step = stepUp(fn, sn);
    if (step.left) [fr, sr] = [await nodeHash(sha256, c, fr), await nodeHash(sha256, c, sr)];
    else sr = await nodeHash(sha256, sr, c);
    ({ fn, sn } = step);
  }
  return sn === 0 && sameBytes(fr, first.root) && sameBytes(sr, second.root);
}
