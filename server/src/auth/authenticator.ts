import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { isApiKey, parseApiKey, secretMatches } from './api-key-secret.js';
import {
  findActiveUser,
  findLiveApiKey,
  findLiveApiKeyById,
  findSessionUser,
  loadMembershipRoles,
  touchApiKey,
  type SessionUserRow,
} from './credentials.queries.js';
import type { ApiKeyPrincipal, Principal, PrincipalRef, UserPrincipal } from './principal.js';
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
    return this.withMemberships(row, claims.sessionId);
  }

  /**
   * The principal as it stands now, for work done later on its behalf (a subscription's runs):
   * its current role and memberships; null once the user is disabled or the key revoked.
   */
  async standing(ref: PrincipalRef): Promise<Principal | null> {
    if (ref.kind === 'user') {
      const row = await findActiveUser(this.db.manager, ref.id);
      return row ? this.withMemberships(row, '') : null;
    }
    const key = await findLiveApiKeyById(this.db.manager, ref.id);
    return key ? { kind: 'api_key', id: key.id, businessId: key.business_id, scopes: new Set(key.scopes) } : null;
  }

  private async withMemberships(row: SessionUserRow, sessionId: string): Promise<UserPrincipal> {
    const memberships = await loadMembershipRoles(this.db.manager, row.id);
    return {
      kind: 'user',
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      memberships: new Map(memberships.map((m) => [m.business_id, m.role])),
      sessionId,
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
