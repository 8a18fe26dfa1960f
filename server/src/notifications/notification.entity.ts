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
  /** Seen in the list: only changes what the business sees as new. */
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
  /** A recall notice: the business's own lots it concerns (made by it or shipped to it). */
  @Column({ name: 'batch_ids', type: 'uuid', array: true, default: () => `'{}'` }) batchIds?: string[];
  /** A recall notice: when and by whom a member said the business has it in hand (not the same as reading it). */
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt?: Date | null;
  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true }) acknowledgedBy?: string | null;
}
