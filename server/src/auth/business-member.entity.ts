import { Column, CreateDateColumn, Entity } from 'typeorm';
import type { MemberRole } from '@nguon/shared';

/** Who acts for which business: the basis of every tenancy check. */
@Entity('business_members')
export class BusinessMemberEntity {
  @Column({ name: 'business_id', type: 'uuid', primary: true }) businessId: string;
  @Column({ name: 'user_id', type: 'uuid', primary: true }) userId: string;
  @Column({ type: 'text' }) role: MemberRole;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
