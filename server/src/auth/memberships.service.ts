import { Injectable } from '@nestjs/common';
import type { MemberRole } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { BusinessMemberEntity } from './business-member.entity.js';

/** Who acts for which business, as other modules change it: a new business's first owner. */
@Injectable()
export class MembershipsService {
  /** In the caller's transaction. */
  async addMember(tx: EntityManager, membership: { businessId: string; userId: string; role: MemberRole }): Promise<void> {
    await tx.getRepository(BusinessMemberEntity).insert(membership);
  }
}
