import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';

interface TokenPayload {
  sub: string;
  exp: number;
}

/** Signed, expiring bearer tokens (HMAC-SHA256); nothing to store for a sign-in. */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  issue(userId: string, now = Date.now()): { token: string; expiresAt: Date } {
    const expiresAt = new Date(now + this.config.tokenTtlSeconds * 1000);
    const payload: TokenPayload = { sub: userId, exp: Math.floor(expiresAt.getTime() / 1000) };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresAt };
  }

  /** The user id, or null when the token is malformed, forged or expired. */
  verify(token: string, now = Date.now()): string | null {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Partial<TokenPayload>;
      if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null;
      return payload.exp * 1000 > now ? payload.sub : null;
    } catch {
      return null;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.config.authSecret).update(body).digest('base64url');
  }
}
