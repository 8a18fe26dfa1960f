import { hash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { verifyInclusion } from '@nguon/shared';
import { append, inclusionPath, leafHashOf, nodeHashOf, subtreesOf } from './merkle-tree.js';

const sha256 = (data: Uint8Array) => Promise.resolve(new Uint8Array(hash('sha256', data, 'buffer')));
const leaves = (from: number, count: number) => Array.from({ length: count }, (_, n) => leafHashOf(Buffer.from(`record ${from + n}`)));

/** RFC 9162's MTH, straight from its definition: the reference the stored nodes must agree with. */
function mth(hashes: Buffer[]): Buffer {
  if (hashes.length === 1) return hashes[0]!;
  let k = 1;
  while (k * 2 < hashes.length) k *= 2;
  return nodeHashOf(mth(hashes.slice(0, k)), mth(hashes.slice(k)));
}

const keyed = (nodes: { level: number; index: number; hash: Buffer }[]) => new Map(nodes.map((n) => [`${n.level}/${n.index}`, n.hash]));

describe('append', () => {
  it("gives RFC 9162's root, whether the leaves come at once or a few hundred at a time", async () => {
    const all = leaves(0, 1000);
    const atOnce = await append(0, new Map(), all);
    expect(atOnce.root).toEqual(mth(all));

    const stored = new Map<string, Buffer>();
    let root: Buffer = Buffer.alloc(0);
    for (let size = 0; size < all.length; size += 300) {
      // What the service reads before each append: the complete subtrees along the tree's right edge.
      const edge = new Map(subtreesOf(0, size).map(([level, index]) => [`${level}/${index}`, stored.get(`${level}/${index}`)!]));
      const appended = await append(size, edge, all.slice(size, size + 300));
      for (const [key, value] of keyed(appended.nodes)) stored.set(key, value);
      root = appended.root;
    }
    expect(root).toEqual(atOnce.root);
    expect(stored).toEqual(keyed(atOnce.nodes));
  });

  it('stores the nodes that prove each leaf is in the tree', async () => {
    const all = leaves(0, 777);
    const { nodes, root } = await append(0, new Map(), all);
    const node = keyed(nodes);
    for (const index of [0, 1, 255, 256, 511, 776]) {
      const path = inclusionPath(index, 0, all.length, (level, at) => node.get(`${level}/${at}`)!);
      expect(await verifyInclusion(sha256, { index, size: all.length, leaf: all[index]!, path }, root)).toBe(true);
    }
  });

  it("lets other work run while it hashes thousands of leaves (a shopper's request waits one turn, not the whole append)", async () => {
    let otherWorkRan = false;
    const otherWork = setImmediate().then(() => (otherWorkRan = true));
    const appending = append(0, new Map(), leaves(0, 5000)).then(() => otherWorkRan);
    expect(await appending).toBe(true);
    await otherWork;
  });
});
