import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { UnitCode } from '@nguon/shared';

@Entity('products')
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'business_id', type: 'uuid' }) businessId: string;
  @Column({ name: 'name_vi' }) nameVi: string;
  @Column({ name: 'name_en' }) nameEn: string;
  @Column({ name: 'description_vi', type: 'text', nullable: true }) descriptionVi: string | null;
  @Column({ name: 'description_en', type: 'text', nullable: true }) descriptionEn: string | null;
  @Column() category: string;
  @Column({ type: 'text', nullable: true }) brand: string | null;
  @Column({ name: 'image_url', type: 'text', nullable: true }) imageUrl: string | null;
  @Column({ type: 'char', length: 14, nullable: true }) gtin: string | null;
  @Column({ type: 'text' }) unit: UnitCode;
  @Column({ name: 'shelf_life_days', type: 'integer', nullable: true }) shelfLifeDays: number | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) standards: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
