import type { Sha256 } from './merkle.js';

/**
 * Signed tree heads as C2SP checkpoints (c2sp.org/tlog-checkpoint) in signed notes
 * (c2sp.org/signed-note), the format Go's checksum database, Sigstore and other transparency logs
 * publish: a body of the log's origin, its size and its root hash in base64, then one line per
 * signature, `— <key name> <base64(key id || Ed25519 signature)>`. The public key is published as a
 * note verifier key, `<name>+<key id in hex>+<base64(0x01 || key)>`.
 */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
}

/** Ed25519's algorithm byte in signed notes. */
const ED25519 = 0x01;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding; written out, since shared code has neither Buffer nor btoa in its types. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out +=
      ALPHABET[n >> 18]! +
      ALPHABET[(n >> 12) & 63]! +
      (b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!) +
      (c === undefined ? '=' : ALPHABET[n & 63]!);
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) throw new Error('not base64');
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 255);
    }
  }
  return Uint8Array.from(bytes);
}

/** UTF-8 bytes of a text, through encodeURIComponent's %XX escapes. */
export const utf8 = (text: string): Uint8Array => {
  const escaped = encodeURIComponent(text);
  const bytes: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === '%') {
      bytes.push(parseInt(escaped.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(escaped.charCodeAt(i));
  }
  return Uint8Array.from(bytes);
};

export function checkpointBody({ origin, size, root }: Checkpoint): string {
  return `${origin}\n${size}\n${toBase64(root)}\n`;
}

/** The 4 bytes that name a key in a signed note: SHA-256(name || "\n" || 0x01 || key), truncated. */
export async function noteKeyId(sha256: Sha256, name: string, publicKey: Uint8Array): Promise<Uint8Array> {
  const named = utf8(`${name}\n`);
  const data = new Uint8Array(named.length + 1 + publicKey.length);
  data.set(named);
  data[named.length] = ED25519;
  data.set(publicKey, named.length + 1);
  return (await sha256(data)).slice(0, 4);
}

export async function verifierKey(sha256: Sha256, name: string, publicKey: Uint8Array): Promise<string> {
  const id = [...(await noteKeyId(sha256, name, publicKey))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${name}+${id}+${toBase64(Uint8Array.of(ED25519, ...publicKey))}`;
}

/** A verifier key's name and Ed25519 public key; null when it is not one. */
export function parseVerifierKey(text: string): { name: string; publicKey: Uint8Array } | null {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) return null;
  const key = fromBase64(match[3]!);
  return key.length === 33 && key[0] === ED25519 ? { name: match[1]!, publicKey: key.slice(1) } : null;
}

/** The signed note: the body, a blank line, the signature line. */
export async function signedCheckpoint(
  sha256: Sha256,
  checkpoint: Checkpoint,
  key: { name: string; publicKey: Uint8Array; sign: (message: Uint8Array) => Promise<Uint8Array> },
): Promise<string> {
  const body = checkpointBody(checkpoint);
  const signature = await key.sign(utf8(body));
  const id = await noteKeyId(sha256, key.name, key.publicKey);
  return `${body}\n\u2014 ${key.name} ${toBase64(Uint8Array.of(...id, ...signature))}\n`;
}

/**
 * The checkpoint a signed note holds, once its signature by `key` verifies (`verify` is Ed25519
 * over the body); null when the note is not a checkpoint or not signed by that key.
 */
export async function openCheckpoint(
  sha256: Sha256,
  note: string,
  key: { name: string; publicKey: Uint8Array },
  verify: (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => Promise<boolean>,
): Promise<Checkpoint | null> {
  const split = note.indexOf('\n\n');
  if (split < 0) return null;
  const body = note.slice(0, split + 1);
  const lines = body.split('\n');
  const [origin, size, root] = lines;
  if (!origin || !/^\d+$/.test(size ?? '') || !/^[A-Za-z0-9+/=]+$/.test(root ?? '')) return null;
  const id = await noteKeyId(sha256, key.name, key.publicKey);
  for (const line of note.slice(split + 2).split('\n')) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!match || match[1] !== key.name) continue;
    const signed = fromBase64(match[2]!);
    if (signed.length !== 68 || !signed.slice(0, 4).every((byte, i) => byte === id[i])) continue;
    if (await verify(key.publicKey, utf8(body), signed.slice(4))) return { origin, size: Number(size), root: fromBase64(root!) };
  }
  return null;
}
