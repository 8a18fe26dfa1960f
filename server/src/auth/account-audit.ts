import type { EntityManager } from 'typeorm';
import type { Actor } from './principal.js';

/** What auth/ records of an account: a sign-up, a sign-in or out, a confirmation, a new password. */
export interface AccountAuditEntry {
  action: string;
  targetType: 'user';
  targetId: string;
  details?: Record<string, unknown>;
}

/**
 * The audit trail as auth/ writes to it, inside the transaction of the write it describes. The
 * trail (audit/) names the actor, so it comes after auth/: it provides this in AuditModule, and
 * auth/ records its writes without importing it.
 */
export abstract class AccountAudit {
  abstract record(tx: EntityManager, actor: Actor | null, entry: AccountAuditEntry): Promise<void>;
}
