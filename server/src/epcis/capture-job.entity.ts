import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RequestOrigin } from '../auth/principal.js';

export interface CaptureError {
  /** Position of the event in the document's eventList, when the problem is one event's. */
  eventIndex: number | null;
  eventId: string | null;
  /** JSON pointer into the captured document. */
  pointer: string;
  code: string;
  message: string;
}

/** An event stored, with something the integrator should know: the same shape as an error. */
export type CaptureWarning = CaptureError;

/** Who sent a document and from where: the audit entry its run writes names them. */
export type CaptureRequest = RequestOrigin;

/**
 * One EPCIS document sent for capture: a job on the queue while `running` (it keeps the document
 * until then), then what happened to it, event by event.
 */
@Entity('capture_jobs')
export class CaptureJobEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'business_id', type: 'uuid', nullable: true }) businessId: string | null;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ name: 'api_key_id', type: 'uuid', nullable: true }) apiKeyId: string | null;
  @Column({ type: 'text' }) status: 'running' | 'success' | 'failed' | 'partial';
  @Column({ name: 'error_behaviour', type: 'text' }) errorBehaviour: 'rollback' | 'proceed' | 'all';
  @Column({ name: 'event_count', type: 'integer' }) eventCount: number;
  @Column({ name: 'captured_count', type: 'integer', default: 0 }) capturedCount: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) errors: CaptureError[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) warnings: CaptureWarning[];
  /** Warnings beyond those listed (CAPTURE_WARNINGS_LISTED), said in one more at the end. */
  @Column({ name: 'unlisted_warnings', type: 'integer', default: 0 }) unlistedWarnings: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  /** The document, until it is captured; never read with the job's state (it may be megabytes). */
  @Column({ type: 'json', nullable: true, select: false }) document: unknown;
  @Column({ type: 'jsonb', default: () => "'{}'" }) request: CaptureRequest;
  /** Events checked so far, written every few seconds by the run (decision record 0025). */
  @Column({ name: 'processed_count', type: 'integer', default: 0 }) processedCount: number;
  /** Runs started: a document whose runs keep dying is failed after the configured number. */
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'owner_instance', type: 'uuid', nullable: true }) ownerInstance: string | null;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
}
