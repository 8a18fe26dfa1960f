import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../common/errors/domain-error.js';

/** Where the last page ended: the sort value (as text) and the id that breaks ties. */
export interface PagePosition {
  after: string;
  id: string;
}

interface TokenBody {
  /** Which list and query the token belongs to (a digest), so it cannot be used with another. */
  q: string;
  a: string;
  i: string;
}

function badToken(): DomainError {
  return new DomainError('VALIDATION_FAILED', undefined, { nextPageToken: ['nextPageToken is not a token this query gave out'] });
}

/**
 * Opaque keyset page tokens: base64url of the last (sort value, id) and a digest of the query,
 * signed with HMAC-SHA256, so a garbled, forged or borrowed token is refused rather than read.
 * Tokens do not expire: a keyset position stays meaningful as events are only ever added.
 */
export class PageTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('epcis-next-page-token').digest();
  }

  /** A digest of everything that defines a result list except its page size. */
  static queryDigest(list: string, query: unknown): string {
    return createHash('sha256')
      .update(JSON.stringify([list, query]))
      .digest('base64url')
      .slice(0, 16);
  }

  issue(queryDigest: string, position: PagePosition): string {
    const body: TokenBody = { q: queryDigest, a: position.after, i: position.id };
    const encoded = Buffer.from(JSON.stringify(body)).toString('base64url');
    return `${encoded}.${this.sign(encoded)}`;
  }

  /** The position a token names; 400 (naming nextPageToken) unless this service issued it for this query. */
  read(token: string, queryDigest: string): PagePosition {
    const [encoded = '', signature = '', extra] = token.split('.');
    if (extra !== undefined || !encoded || !this.verify(encoded, signature)) throw badToken();
    let body: Partial<TokenBody>;
    try {
      body = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<TokenBody>;
    } catch {
      throw badToken();
    }
    if (body.q !== queryDigest || typeof body.a !== 'string' || typeof body.i !== 'string') throw badToken();
    return { after: body.a, id: body.i };
  }

  private sign(encoded: string): string {
    return createHmac('sha256', this.key).update(encoded).digest('base64url').slice(0, 22);
  }

  private verify(encoded: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(encoded));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
