import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AttachmentContentType } from '@nguon/shared';

/** A file a business uploaded; the bytes live in the attachment storage under `storageKey`. */
@Entity('attachments')
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'business_id', type: 'uuid' }) businessId: string;
  @Column({ name: 'file_name' }) fileName: string;
  @Column({ name: 'content_type', type: 'text' }) contentType: AttachmentContentType;
  @Column({ type: 'integer' }) size: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ name: 'storage_key' }) storageKey: string;
  @Column({ name: 'uploaded_by_user_id', type: 'uuid', nullable: true }) uploadedByUserId: string | null;
  @Column({ name: 'uploaded_by_api_key_id', type: 'uuid', nullable: true }) uploadedByApiKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
