import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportJobStatus, ImportJobView, ImportKind } from '@nguon/shared';
import type { RequestOrigin } from '../auth/principal.js';
import type { PlannedBatch } from './batch-rows.js';
import type { PlannedStage } from './event-rows.js';

/** A file's rows as its check left them, each the request its form would send: what the run writes. */
export type CheckedRows = PlannedBatch[] | PlannedStage[];

/**
 * One imported file: a job on the queue while `running` (it keeps the file's checked rows until
 * then), then how its run ended.
 */
@Entity('import_jobs')
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'business_id', type: 'uuid' }) businessId: string;
  @Column({ type: 'text' }) kind: ImportKind;
  @Column({ type: 'text' }) status: ImportJobStatus;
  @Column({ name: 'total_rows', type: 'integer' }) totalRows: number;
  /** Rows written so far, written every few seconds by the run (decision record 0025). */
  @Column({ name: 'processed_rows', type: 'integer', default: 0 }) processedRows: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) batches: ImportJobView['batches'];
  @Column({ type: 'jsonb', nullable: true }) failure: ImportJobView['failure'];
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId: string | null;
  @Column({ name: 'created_by_api_key_id', type: 'uuid', nullable: true }) createdByApiKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  /** The checked rows, until the run ends; never read with the job's state (they may be megabytes). */
  @Column({ name: 'checked_rows', type: 'json', nullable: true, select: false }) checkedRows: CheckedRows | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) request: RequestOrigin;
  /** Runs started: a file whose runs keep dying is failed after the configured number. */
  @Column({ type: 'integer', default: 0 }) attempts: number;
  /** The instance running the job, and since when (none while it waits in the queue). */
  @Column({ name: 'owner_instance', type: 'uuid', nullable: true }) ownerInstance: string | null;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
}
