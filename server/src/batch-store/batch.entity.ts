import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { BatchStatus, UnitCode } from '@nguon/shared';
import { numericTransformer } from '../database/column-transformers.js';
import { ProductEntity } from '../products/product.entity.js';

@Entity('batches')
export class BatchEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @ManyToOne(() => ProductEntity) @JoinColumn({ name: 'product_id' }) product?: ProductEntity;
  @Column({ name: 'business_id', type: 'uuid' }) businessId: string;
  @Column({ name: 'lot_code', type: 'varchar', length: 20 }) lotCode: string;
  @Column({ name: 'display_name', type: 'text', nullable: true }) displayName: string | null;
  @Column({ name: 'short_code' }) shortCode: string;
  @Column({ name: 'production_date', type: 'date' }) productionDate: string;
  @Column({ name: 'expiry_date', type: 'date', nullable: true }) expiryDate: string | null;
  @Column({ name: 'best_before_date', type: 'date', nullable: true }) bestBeforeDate: string | null;
  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer }) quantity: number | null;
  @Column({ type: 'text', nullable: true }) unit: UnitCode | null;
  @Column({ name: 'origin_location_id', type: 'uuid', nullable: true }) originLocationId: string | null;
  @Column({ type: 'text', default: 'active' }) status: BatchStatus;
  @Column({ name: 'recall_reason', type: 'text', nullable: true }) recallReason: string | null;
  @Column({ name: 'recalled_at', type: 'timestamptz', nullable: true }) recalledAt: Date | null;
  @Column({ name: 'scan_count', type: 'integer', default: 0 }) scanCount: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
