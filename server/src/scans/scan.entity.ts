import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CLIENT_CLASSES = ['mobile', 'desktop', 'bot', 'other'] as const;
export type ClientClass = (typeof CLIENT_CLASSES)[number];

/** An anonymous record that a code was opened: no address, no personal data. */
@Entity('scans')
export class ScanEntity {
  /** A UUID version 7 made by the server when the scan is answered (see scan-id.ts). */
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'batch_id', type: 'uuid' }) batchId: string;
  @Column({ name: 'scanned_at', type: 'timestamptz' }) scannedAt: Date;
  @Column({ name: 'client_class', type: 'text' }) clientClass: ClientClass;
}
