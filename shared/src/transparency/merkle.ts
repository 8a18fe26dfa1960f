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
 * Whether `proof` shows the leaf with hash `leaf` at `index` in the tree of `size` leaves whose root
 * is `root`: RFC 9162 §2.1.3.2.
 */
export async function verifyInclusion(
  sha256: Sha256,
  proof: { index: number; size: number; leaf: Uint8Array; path: Uint8Array[] },
  root: Uint8Array,
): Promise<boolean> {
  const { index, size, leaf, path } = proof;
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(sha256, p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await nodeHash(sha256, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
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
  const proof = [...path];
  // A first tree that is a complete subtree of the second is its own first node.
  if ((first.size & (first.size - 1)) === 0) proof.unshift(first.root);
  if (proof.length === 0) return false;
  let fn = first.size - 1;
  let sn = second.size - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = proof[0]!;
  let sr = proof[0]!;
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = await nodeHash(sha256, c, fr);
      sr = await nodeHash(sha256, c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = await nodeHash(sha256, sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && sameBytes(fr, first.root) && sameBytes(sr, second.root);
}
