import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LogEntry } from '@nguon/shared';

/** A record queued for the transparency log, written in the record's own transaction. */
@Entity('log_pending')
export class LogPendingEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'jsonb' }) entry: LogEntry;
}
