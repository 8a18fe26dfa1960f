import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText, MemberRole, NotificationView } from '@nguon/shared';

/** A notice to a business in the portal (a recall that concerns its batches, a membership change). */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'business_id', type: 'uuid' }) businessId: string;
  @Column({ type: 'text' }) kind: NotificationView['kind'];
  @Column({ type: 'jsonb' }) title: LocalizedText;
  @Column({ type: 'jsonb' }) body: LocalizedText;
  @Column({ name: 'batch_id', type: 'uuid', nullable: true }) batchId: string | null;
  @Column({ name: 'recall_id', type: 'uuid', nullable: true }) recallId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** Only members of this role see it (membership changes go to owners); null: every member. */
  @Column({ name: 'for_role', type: 'text', nullable: true }) forRole?: MemberRole | null;
  /** The member who caused it does not need telling. */
  @Column({ name: 'not_for_user', type: 'uuid', nullable: true }) notForUser?: string | null;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
}
