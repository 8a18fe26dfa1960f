import { createHash, randomBytes } from 'node:crypto';

/**
 * A single-use secret for a mailed link (an address's confirmation, an invitation): 256 random
 * bits, kept in the database only as a hash; whoever opens the link proves the mailbox.
 */
export function newMailToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashMailToken(token) };
}

export function hashMailToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
