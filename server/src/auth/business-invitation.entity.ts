import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MemberRole } from '@nguon/shared';

/** A place in a business offered to an email; taken up only with the mailed (or handed-over) token. */
@Entity('business_invitations')
export class BusinessInvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'business_id', type: 'uuid' }) businessId: string;
  @Column() email: string;
  @Column({ type: 'text' }) role: MemberRole;
  @Column({ name: 'invited_by', type: 'uuid' }) invitedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  /** SHA-256 of the single-use token; the token itself is only in the mail and the owner's copy. */
  @Column({ name: 'token_hash', type: 'text', nullable: true }) tokenHash: string | null;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'accepted_by', type: 'uuid', nullable: true }) acceptedBy: string | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
