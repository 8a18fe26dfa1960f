import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportJobStatus, ImportJobView, ImportKind } from '@nguon/shared';

/** One imported file: what it was, who sent it, and how its run ended. */
@Entity('import_jobs')
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'business_id', type: 'uuid' }) businessId: string;
  @Column({ type: 'text' }) kind: ImportKind;
  @Column({ type: 'text' }) status: ImportJobStatus;
  @Column({ name: 'total_rows', type: 'integer' }) totalRows: number;
  @Column({ name: 'processed_rows', type: 'integer', default: 0 }) processedRows: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) batches: ImportJobView['batches'];
  @Column({ type: 'jsonb', nullable: true }) failure: ImportJobView['failure'];
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId: string | null;
  @Column({ name: 'created_by_api_key_id', type: 'uuid', nullable: true }) createdByApiKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  /** The instance (process) running the job, and when it last said so. */
  @Column({ name: 'owner_instance', type: 'uuid', nullable: true }) ownerInstance: string | null;
  @Column({ name: 'heartbeat_at', type: 'timestamptz', default: () => 'now()' }) heartbeatAt: Date;
}
