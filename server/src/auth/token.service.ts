import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';

interface TokenPayload {
  /** The session the token belongs to: revoking it ends the token before it expires. */
  sid: string;
  sub: string;
  exp: number;
}

/** Signed, expiring bearer tokens (HMAC-SHA256) naming a session. */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get ttlMs(): number {
    return this.config.tokenTtlSeconds * 1000;
  }

  issue(sessionId: string, userId: string, expiresAt: Date): string {
    const payload: TokenPayload = { sid: sessionId, sub: userId, exp: Math.floor(expiresAt.getTime() / 1000) };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The session and user a token names, or null when it is malformed, forged or expired. */
  verify(token: string, now = Date.now()): { sessionId: string; userId: string } | null {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Partial<TokenPayload>;
      if (typeof payload.sid !== 'string' || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null;
      return payload.exp * 1000 > now ? { sessionId: payload.sid, userId: payload.sub } : null;
    } catch {
      return null;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.config.authSecret).update(body).digest('base64url');
  }
}
