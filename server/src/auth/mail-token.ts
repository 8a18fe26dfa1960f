import { createHash, randomBytes } from 'node:crypto';

/** A single-use secret for a mailed link: 256 random bits, kept in the database only as a hash. */
export function newMailToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashMailToken(token) };
}

export function hashMailToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
