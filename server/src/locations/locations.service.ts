import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LocationView, Page } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { toPage, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import type { CreateLocationDto } from './dto/create-location.dto.js';
import { LocationEntity } from './location.entity.js';
import { mapLocation } from './location.mapper.js';

@Injectable()
export class LocationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async addLocation(actor: Actor, dto: CreateLocationDto): Promise<LocationView> {
    if ((dto.latitude === undefined) !== (dto.longitude === undefined)) {
      throw new DomainError('VALIDATION_FAILED', undefined, { longitude: ['latitude and longitude must be given together'] });
    }
    const location = await this.db.transaction(async (tx) => {
      const saved = await tx.getRepository(LocationEntity).save({
        businessId: actor.businessId!, kind: dto.kind, name: dto.name, address: dto.address, province: dto.province,
        gln: dto.gln ?? null, latitude: dto.latitude ?? null, longitude: dto.longitude ?? null,
      });
      await this.audit.record(tx, actor, { action: 'location.add', targetType: 'location', targetId: saved.id, details: { name: saved.name, kind: saved.kind } });
      return saved;
    });
    return this.getLocation(location.id);
  }

  async getLocation(id: string): Promise<LocationView> {
    const location = await this.db.getRepository(LocationEntity).findOneBy({ id });
    if (!location) throw new DomainError('LOCATION_NOT_FOUND');
    return mapLocation(location);
  }

  async listLocations(businessId: string, query: PageQueryDto): Promise<Page<LocationView>> {
    const [rows, total] = await this.db.getRepository(LocationEntity).findAndCount({
      where: { businessId }, order: { name: 'ASC' }, skip: query.offset, take: query.limit,
    });
    return toPage(rows, total, query, mapLocation);
  }
}
