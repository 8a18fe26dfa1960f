import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what, for which business, when and from where. Never updated or deleted. */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' }) occurredAt: Date;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ name: 'api_key_id', type: 'uuid', nullable: true }) apiKeyId: string | null;
  @Column({ name: 'business_id', type: 'uuid', nullable: true }) businessId: string | null;
  @Column() action: string;
  @Column({ name: 'target_type' }) targetType: string;
  @Column({ name: 'target_id', type: 'text', nullable: true }) targetId: string | null;
  @Column({ name: 'client_address', type: 'text', nullable: true }) clientAddress: string | null;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details: Record<string, unknown>;
  /** The X-Request-Id the client sent, beside the server's own `requestId`. */
  @Column({ name: 'client_request_id', type: 'text', nullable: true }) clientRequestId: string | null;
}
