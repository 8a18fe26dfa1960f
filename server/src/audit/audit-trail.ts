import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertAll } from '../database/insert-all.js';
import type { AccountAudit } from '../auth/account-audit.js';
import type { Actor } from '../auth/principal.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

export interface AuditRecord {
  /** `<thing>.<verb>`, e.g. `batch.register`, `business.verify`. */
  action: string;
  targetType: string;
  targetId: string | null;
  /** The business whose data changed, when it is not the actor's acting business. */
  businessId?: string | null;
  /** What a reader needs to understand the change; never secrets or passwords. */
  details?: Record<string, unknown>;
}

/**
 * Writes audit entries inside the transaction of the write they describe, so a change and its
 * record stand or fall together.
 */
@Injectable()
export class AuditTrail implements AccountAudit {
  async record(tx: EntityManager, actor: Actor | null, entry: AuditRecord): Promise<void> {
    await this.recordAll(tx, actor, [entry]);
  }

  /** Many entries by one actor (a document's events, an import's batches): one INSERT. */
  async recordAll(tx: EntityManager, actor: Actor | null, entries: AuditRecord[]): Promise<void> {
    await insertAll(
      tx,
      AuditEntryEntity,
      entries.map((entry) => ({
        userId: actor?.principal.kind === 'user' ? actor.principal.id : null,
        apiKeyId: actor?.principal.kind === 'api_key' ? actor.principal.id : null,
        businessId: entry.businessId !== undefined ? entry.businessId : (actor?.businessId ?? null),
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        clientAddress: actor?.clientAddress ?? null,
        requestId: actor?.requestId ?? null,
        clientRequestId: actor?.clientRequestId ?? null,
        details: entry.details ?? {},
      })),
    );
  }
}
