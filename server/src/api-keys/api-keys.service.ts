import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { ApiKeyScope, ApiKeyView, CreatedApiKey } from '@nguon/shared';
import { DataSource, IsNull, Repository, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { newApiKey } from '../auth/api-key-secret.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { userOf, type Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { mapApiKey } from './api-key.mapper.js';
import type { CreateApiKeyDto } from './dto/create-api-key.dto.js';

/** A business's machine credentials: shown once when made, stored as a hash, revocable. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(ApiKeyEntity) private readonly apiKeys: Repository<ApiKeyEntity>,
    private readonly audit: AuditTrail,
  ) {}

  async listKeys(actor: Actor): Promise<ApiKeyView[]> {
    const keys = await this.apiKeys.find({ where: { businessId: actor.businessId! }, order: { createdAt: 'DESC' } });
    return keys.map(mapApiKey);
  }

  createKey(actor: Actor, dto: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.db.transaction(async (tx) => {
      const created = await this.issue(tx, actor, dto.name, dto.scopes);
      await this.audit.record(tx, actor, {
        action: 'api_key.create',
        targetType: 'api_key',
        targetId: created.id,
        details: { name: dto.name, scopes: dto.scopes },
      });
      return created;
    });
  }

  /** A new secret with the same name and scopes; the old key stops working at once. */
  rotateKey(actor: Actor, keyId: string): Promise<CreatedApiKey> {
    return this.db.transaction(async (tx) => {
      const old = await this.revoke(tx, actor, keyId);
      const created = await this.issue(tx, actor, old.name, old.scopes);
      await this.audit.record(tx, actor, {
        action: 'api_key.rotate',
        targetType: 'api_key',
        targetId: created.id,
        details: { replaces: old.id },
      });
      return created;
    });
  }

  async revokeKey(actor: Actor, keyId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.revoke(tx, actor, keyId);
      await this.audit.record(tx, actor, { action: 'api_key.revoke', targetType: 'api_key', targetId: keyId });
    });
  }

  private async issue(tx: EntityManager, actor: Actor, name: string, scopes: ApiKeyScope[]): Promise<CreatedApiKey> {
    const { key, prefix, secretHash } = newApiKey();
    const saved = await tx.getRepository(ApiKeyEntity).save(
      tx.getRepository(ApiKeyEntity).create({
        businessId: actor.businessId!,
        name,
        prefix,
        secretHash,
        scopes,
        createdBy: userOf(actor).id,
        lastUsedAt: null,
        revokedAt: null,
      }),
    );
    return { ...mapApiKey(saved), key };
  }

  private async revoke(tx: EntityManager, actor: Actor, keyId: string): Promise<ApiKeyEntity> {
    const key = await tx
      .getRepository(ApiKeyEntity)
      .findOne({ where: { id: keyId, businessId: actor.businessId!, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    if (!key) throw new DomainError('API_KEY_NOT_FOUND');
    key.revokedAt = new Date();
    return tx.getRepository(ApiKeyEntity).save(key);
  }
}
