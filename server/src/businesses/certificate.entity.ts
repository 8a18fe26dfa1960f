import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CertificateKind } from '@nguon/shared';
import { AttachmentEntity } from '../attachments/attachment.entity.js';

/** A certificate of a business, or of one of its products when `productId` is set. */
@Entity('certificates')
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'business_id', type: 'uuid' }) businessId: string;
  @Column({ name: 'product_id', type: 'uuid', nullable: true }) productId: string | null;
  @Column({ type: 'text' }) kind: CertificateKind;
  @Column() name: string;
  @Column({ type: 'text', nullable: true }) number: string | null;
  @Column() issuer: string;
  @Column({ name: 'valid_from', type: 'date', nullable: true }) validFrom: string | null;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo: string | null;
  @Column({ type: 'smallint', nullable: true }) stars: number | null;
  @Column({ name: 'document_attachment_id', type: 'uuid', nullable: true }) documentAttachmentId: string | null;
  @ManyToOne(() => AttachmentEntity, { nullable: true }) @JoinColumn({ name: 'document_attachment_id' }) document?: AttachmentEntity | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
