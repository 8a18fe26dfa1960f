import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a scan may be placed after it was made. */
export const SCAN_TOKEN_TTL_MS = 10 * 60_000;

/**
 * Proof that a client made a given scan of a given batch, handed to it in the scan's answer:
 * `<scanId>.<expiry in epoch seconds>.<HMAC-SHA256>`. The key is derived from the auth secret,
 * so a scan token can never pass for an access token or the other way round.
 */
export class ScanTokens {
  private readonly key: Buffer;

  constructor(
    authSecret: string,
    private readonly ttlMs = SCAN_TOKEN_TTL_MS,
  ) {
    this.key = createHmac('sha256', authSecret).update('nguon:scan-token:v1').digest();
  }

  issue(scanId: string, batchId: string, now = Date.now()): string {
    const expires = Math.floor((now + this.ttlMs) / 1000);
    return `${scanId}.${expires}.${this.sign(scanId, batchId, expires)}`;
  }

  /** The scan the token names, if it is genuine, for this batch and not expired; else why not. */
  verify(token: string, batchId: string, now = Date.now()): { scanId: string } | { problem: 'invalid' | 'expired' } {
    const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d{1,12})\.([\w-]{43})$/.exec(token);
    if (!match) return { problem: 'invalid' };
    const [, scanId, expiresText, signature] = match as unknown as [string, string, string, string];
    const expected = Buffer.from(this.sign(scanId, batchId, Number(expiresText)));
    if (!timingSafeEqual(expected, Buffer.from(signature))) return { problem: 'invalid' };
    if (Number(expiresText) * 1000 <= now) return { problem: 'expired' };
    return { scanId };
  }

  private sign(scanId: string, batchId: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${scanId}.${batchId}.${expires}`).digest('base64url');
  }
}
