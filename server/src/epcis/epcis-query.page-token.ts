import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, type QueryPageDto } from './dto/query-page.dto.js';
import { isPageTokenRevoked, revokePageToken } from './page-token-revocations.queries.js';
import { EpcisReply, nextPageHeaders } from './query-document.js';

/** Where the last page ended: the sort value (as text) and the id that breaks ties. */
export interface PagePosition {
  after: string;
  id: string;
  /** Events the pages so far gave (for `eventCountLimit`). */
  given?: number;
}

/** A token given out, and until when it may be used (`GS1-Next-Page-Token-Expires`). */
export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** How long a page token may be used: a day to page through a result, however slowly. */
const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

interface TokenBody {
  /** Which list and query the token belongs to (a digest), so it cannot be used with another. */
  q: string;
  a: string;
  i: string;
  /** Expiry, in seconds since the epoch. */
  x: number;
  /** Events the pages so far gave. */
  c?: number;
  /** Makes each token given out its own, so that deleting one leaves another of the same page usable. */
  n: string;
}

function badToken(why = 'nextPageToken is not a token this query gave out'): DomainError {
  return new DomainError('VALIDATION_FAILED', undefined, { nextPageToken: [why] });
}

/**
 * Opaque keyset page tokens: base64url of the last (sort value, id), a digest of the query and an
 * expiry, signed with HMAC-SHA256, so a garbled, forged, borrowed or expired token is refused
 * rather than read. A token deleted (`DELETE /epcis/nextPageToken/{token}`) is refused too: its
 * signature is kept, in the database every instance reads, until it would have expired.
 */
@Injectable()
export class PageTokens {
  private readonly key: Buffer;
  private readonly publicBaseUrl: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.key = createHmac('sha256', config.authSecret).update('epcis-next-page-token').digest();
    this.publicBaseUrl = config.publicBaseUrl;
  }

  /**
   * A page of a list kept in key order (discovery lists, named queries, subscriptions): the items
   * after the previous page's last key, and the `Link` to the next page when there is one.
   */
  async listPage<T>(
    path: string,
    page: QueryPageDto,
    load: (after: string | null, limit: number) => Promise<{ key: string; item: T }[]>,
  ): Promise<EpcisReply<T[]>> {
    const perPage = Math.min(page.perPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
    const digest = PageTokens.queryDigest(path, {});
    const after = page.nextPageToken ? (await this.read(page.nextPageToken, digest)).after : null;
    const rows = await load(after, perPage + 1);
    const shown = rows.slice(0, perPage);
    const last = shown[shown.length - 1];
    if (rows.length <= perPage || !last) return new EpcisReply(shown.map((row) => row.item));
    const { token, expiresAt } = this.issue(digest, { after: last.key, id: '' });
    const next = `${this.publicBaseUrl}${path}?${new URLSearchParams({ perPage: String(perPage), nextPageToken: token })}`;
    return new EpcisReply(
      shown.map((row) => row.item),
      nextPageHeaders(next, expiresAt),
    );
  }

  /** A digest of everything that defines a result list except its page size. */
  static queryDigest(list: string, query: unknown): string {
    return createHash('sha256')
      .update(JSON.stringify([list, query]))
      .digest('base64url')
      .slice(0, 16);
  }

  issue(queryDigest: string, position: PagePosition): IssuedToken {
    const expiresAt = new Date(Math.ceil((Date.now() + TOKEN_LIFETIME_MS) / 1000) * 1000);
    const body: TokenBody = {
      q: queryDigest,
      a: position.after,
      i: position.id,
      ...(position.given === undefined ? {} : { c: position.given }),
      x: expiresAt.getTime() / 1000,
      n: randomBytes(6).toString('base64url'),
    };
    const encoded = Buffer.from(JSON.stringify(body)).toString('base64url');
    return { token: `${encoded}.${this.sign(encoded)}`, expiresAt };
  }

  /** The position a token names; 400 (naming nextPageToken) unless this service issued it for this query, and it is still good. */
  async read(token: string, queryDigest: string): Promise<PagePosition> {
    const { body, signature } = this.verified(token);
    if (body.q !== queryDigest || typeof body.a !== 'string' || typeof body.i !== 'string') throw badToken();
    if (await isPageTokenRevoked(this.db.manager, signature)) throw badToken('nextPageToken was deleted; run the query again');
    return { after: body.a, id: body.i, ...(typeof body.c === 'number' ? { given: body.c } : {}) };
  }

  /** Makes a token unusable from now on, for every instance; 400 when it is not one this service gave out (or it expired). */
  async revoke(token: string): Promise<void> {
    const { body, signature } = this.verified(token);
    await revokePageToken(this.db.manager, signature, new Date(body.x * 1000));
  }

  private verified(token: string): { body: Partial<TokenBody> & { x: number }; signature: string } {
    const [encoded = '', signature = '', extra] = token.split('.');
    if (extra !== undefined || !encoded || !this.verify(encoded, signature)) throw badToken();
    let body: Partial<TokenBody>;
    try {
      body = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<TokenBody>;
    } catch {
      throw badToken();
    }
    if (typeof body.x !== 'number') throw badToken();
    if (body.x * 1000 <= Date.now()) throw badToken('nextPageToken has expired; run the query again');
    return { body: body as Partial<TokenBody> & { x: number }, signature };
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
