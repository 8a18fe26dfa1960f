import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RecallReasonCategory, RecallSeverity } from '@nguon/shared';

/** A decision that a batch must come off the market; lifted, never deleted. */
@Entity('recalls')
export class RecallEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'batch_id', type: 'uuid' }) batchId: string;
  @Column({ type: 'text' }) severity: RecallSeverity;
  @Column({ name: 'reason_category', type: 'text' }) reasonCategory: RecallReasonCategory;
  /** The details, in the recaller's words. */
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'recalled_by', type: 'uuid' }) recalledBy: string;
  @Column({ name: 'recalled_at', type: 'timestamptz' }) recalledAt: Date;
  @Column({ name: 'lifted_by', type: 'uuid', nullable: true }) liftedBy: string | null;
  @Column({ name: 'lifted_at', type: 'timestamptz', nullable: true }) liftedAt: Date | null;
  @Column({ name: 'lift_reason', type: 'text', nullable: true }) liftReason: string | null;
}
