import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'ngk';

/** A new key: `ngk_<public prefix>_<secret>`; the prefix finds it, the secret proves it. */
export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `${PREFIX}_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

export function isApiKey(token: string): boolean {
  return token.startsWith(`${PREFIX}_`);
}

export function parseApiKey(token: string): { prefix: string; secret: string } | null {
  const match = /^ngk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { prefix: match[1]!, secret: match[2]! } : null;
}

/** The secret has 256 random bits, so a fast hash is enough (no password stretching needed). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, secretHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(secretHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
