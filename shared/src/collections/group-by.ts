/**
 * The items grouped by key, each group in the items' order, in one pass (Map.groupBy arrives with
 * Node 21). Copying a group to add each item would cost a batch of 10,000 events 50 million copies.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
