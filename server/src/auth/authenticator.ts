import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { isApiKey, parseApiKey, secretMatches } from './api-key-secret.js';
import { findLiveApiKey, findSessionUser, loadMembershipRoles, touchApiKey } from './credentials.queries.js';
import type { ApiKeyPrincipal, Principal, UserPrincipal } from './principal.js';
import { TokenService } from './token.service.js';

/** How often a key's "last used" time is written: not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Turns a bearer credential (a sign-in token or an API key) into a principal. */
@Injectable()
export class Authenticator {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  /**
   * The principal, or null without a credential. A bad, expired or revoked credential is refused
   * where one is required; on public routes it counts as none.
   */
  async authenticate(authorization: string | undefined, options: { required: boolean }): Promise<Principal | null> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const principal = token ? await (isApiKey(token) ? this.apiKey(token) : this.user(token, options.required)) : null;
    if (!principal && options.required) throw new DomainError('UNAUTHENTICATED');
    return principal;
  }

  async user(token: string, required: boolean): Promise<UserPrincipal | null> {
    const claims = this.tokens.verify(token);
    if (!claims) return null;
    const row = await findSessionUser(this.db.manager, claims.sessionId, claims.userId);
    if (!row) return null;
    if (row.disabled_at) {
      if (required) throw new DomainError('ACCOUNT_DISABLED');
      return null;
    }
    const memberships = await loadMembershipRoles(this.db.manager, row.id);
    return {
      kind: 'user',
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      memberships: new Map(memberships.map((m) => [m.business_id, m.role])),
      sessionId: claims.sessionId,
    };
  }

  private async apiKey(token: string): Promise<ApiKeyPrincipal | null> {
    const parsed = parseApiKey(token);
    if (!parsed) return null;
    const row = await findLiveApiKey(this.db.manager, parsed.prefix);
    if (!row || !secretMatches(parsed.secret, row.secret_hash)) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
      await touchApiKey(this.db.manager, row.id);
    }
    return { kind: 'api_key', id: row.id, businessId: row.business_id, scopes: new Set(row.scopes) };
  }
}
