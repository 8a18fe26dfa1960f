import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

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

/** One captured EPCIS document: what happened to it, event by event. */
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
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
