import { createHash } from 'node:crypto';
import { businessStatusFacts, canonicalJson, certificateFacts, type LogEntry } from '@nguon/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** As businesses/business-log-entries.ts hashes a record's content. */
const digest = (facts: object): string => createHash('sha256').update(canonicalJson(facts)).digest('hex');
const dateOf = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/**
 * The transparency log covers businesses too (decision record 0037): their status decisions and
 * their certificates' changes. A leaf names the batches and businesses it concerns in one column,
 * `subject_ids`, which a batch's or a business's records are found by. Every business's status and
 * every certificate already stored is queued as it stands now, in the order they were set.
 */
export class LogBusinessesAndCertificates1768000000000 implements MigrationInterface {
  name = 'LogBusinessesAndCertificates1768000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE log_leaves RENAME COLUMN batch_ids TO subject_ids`);
    await db.query(`ALTER INDEX log_leaves_batches_idx RENAME TO log_leaves_subjects_idx`);
    const businesses: {
      id: string;
      status: string;
      status_reason: string | null;
      status_changed_at: Date | string | null;
      status_changed_by: string | null;
      at: Date | string;
    }[] = await db.query(
      `SELECT id, status, status_reason, status_changed_at, status_changed_by, coalesce(status_changed_at, created_at) AS at FROM businesses`,
    );
    const certificates: {
      id: string;
      business_id: string;
      product_id: string | null;
      kind: string;
      name: string;
      number: string | null;
      issuer: string;
      valid_from: string | null;
      valid_to: string | null;
      stars: number | null;
      document_attachment_id: string | null;
      at: Date | string;
    }[] = await db.query(
      `SELECT id, business_id, product_id, kind, name, number, issuer, valid_from::text, valid_to::text, stars,
              document_attachment_id, created_at AS at
         FROM certificates`,
    );
    const queued: { at: number; entry: LogEntry }[] = [
      ...businesses.map((b) => ({
        at: new Date(b.at).getTime(),
        entry: {
          kind: 'business_status' as const,
          id: b.id,
          batches: [],
          businesses: [b.id],
          hash: digest(
            businessStatusFacts({
              id: b.id,
              status: b.status,
              statusReason: b.status_reason,
              statusChangedAt: dateOf(b.status_changed_at),
              statusChangedBy: b.status_changed_by,
            }),
          ),
        },
      })),
      ...certificates.map((c) => ({
        at: new Date(c.at).getTime(),
        entry: {
          kind: 'certificate' as const,
          id: c.id,
          batches: [],
          businesses: [c.business_id],
          hash: digest(
            certificateFacts({
              id: c.id,
              businessId: c.business_id,
              productId: c.product_id,
              kind: c.kind,
              name: c.name,
              number: c.number,
              issuer: c.issuer,
              validFrom: c.valid_from,
              validTo: c.valid_to,
              stars: c.stars,
              documentAttachmentId: c.document_attachment_id,
            }),
          ),
        },
      })),
    ];
    queued.sort((a, b) => a.at - b.at || (a.entry.id < b.entry.id ? -1 : 1));
    if (queued.length === 0) return;
    await db.query(
      `INSERT INTO log_pending (entry) SELECT value FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY ORDER BY ordinality`,
      [JSON.stringify(queued.map((q) => q.entry))],
    );
  }

  /** What was logged stays logged: an append-only log does not take records back. */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX log_leaves_subjects_idx RENAME TO log_leaves_batches_idx`);
    await db.query(`ALTER TABLE log_leaves RENAME COLUMN subject_ids TO batch_ids`);
  }
}
