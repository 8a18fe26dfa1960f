/** Keys' JSON text, kept once seen: documents repeat the same few keys thousands of times. */
const quotedKeys = new Map<string, string>();
/** A sender chooses the keys: past this many, new ones are quoted each time rather than kept. */
const QUOTED_KEYS_KEPT = 10_000;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < QUOTED_KEYS_KEPT) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/** The object's keys in order; a writer that lists them sorted spares the sort. */
function sortedKeys(object: object): string[] {
  const keys = Object.keys(object);
  // The default sort orders strings by UTF-16 code units, as comparing them with > does.
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return keys.sort();
  return keys;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. Hashed for every event, so written for speed. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  let out = '{';
  for (const key of sortedKeys(object)) {
    const item = object[key];
    if (item === undefined) continue;
    out += (out.length > 1 ? ',' : '') + quotedKey(key) + ':' + canonicalJson(item);
  }
  return `${out}}`;
}
