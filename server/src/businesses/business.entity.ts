import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { BusinessStatus } from '@nguon/shared';

@Entity('businesses')
export class BusinessEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'legal_name' }) legalName: string;
  @Column({ name: 'tax_code' }) taxCode: string;
  @Column({ name: 'tax_code_confirmed', default: false }) taxCodeConfirmed: boolean;
  @Column({ name: 'address_line' }) addressLine: string;
  @Column() commune: string;
  @Column() province: string;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ type: 'char', length: 13, nullable: true }) gln: string | null;
  @Column({ type: 'text', default: 'pending' }) status: BusinessStatus;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason: string | null;
  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true }) statusChangedAt: Date | null;
  @Column({ name: 'status_changed_by', type: 'uuid', nullable: true }) statusChangedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
