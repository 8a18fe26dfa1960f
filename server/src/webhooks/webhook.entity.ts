import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WebhookEventType } from '@nguon/shared';

/**
 * Where a business wants to hear of recalls, and of the transparency log's daily checkpoints. The signing secret is kept as it is, unlike passwords
 * and API keys: the portal needs it to sign every delivery (HMAC), so a hash would not do.
 */
@Entity('webhooks')
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'business_id', type: 'uuid' }) businessId: string;
  @Column({ type: 'text' }) url: string;
  @Column({ type: 'text', select: false }) secret: string;
  @Column({ type: 'text', array: true }) events: WebhookEventType[];
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
}
