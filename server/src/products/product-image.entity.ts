import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AttachmentEntity } from '../attachments/attachment.entity.js';

/** An uploaded photo of a product, in the order the owner chose; position 0 is the main image. */
@Entity('product_images')
export class ProductImageEntity {
  @PrimaryColumn({ name: 'product_id', type: 'uuid' }) productId: string;
  @PrimaryColumn({ name: 'attachment_id', type: 'uuid' }) attachmentId: string;
  @Column({ type: 'smallint' }) position: number;
  @ManyToOne(() => AttachmentEntity) @JoinColumn({ name: 'attachment_id' }) attachment?: AttachmentEntity;
}
