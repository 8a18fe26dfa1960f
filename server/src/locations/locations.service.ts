import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { LocationView, Page } from '@nguon/shared';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { MasterDataArrivals } from '../common/master-data/master-data-arrivals.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { toPage, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import type { CreateLocationDto } from './dto/create-location.dto.js';
import type { UpdateLocationDto } from './dto/update-location.dto.js';
import { LocationEntity } from './location.entity.js';
import { mapLocation } from './location.mapper.js';
import { findBatchesShowingLocation } from './locations.queries.js';

const FOREIGN_KEY_VIOLATION = '23503';

@Injectable()
export class LocationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(LocationEntity) private readonly locations: Repository<LocationEntity>,
    private readonly audit: AuditTrail,
    private readonly changes: BatchChanges,
    private readonly arrivals: MasterDataArrivals,
  ) {}

  async addLocation(actor: Actor, dto: CreateLocationDto): Promise<LocationView> {
    checkCoordinates(dto.latitude ?? null, dto.longitude ?? null);
    const { location, linked } = await this.db.transaction(async (tx) => {
      const saved = await tx.getRepository(LocationEntity).save({
        businessId: actor.businessId!,
        kind: dto.kind,
        name: dto.name,
        address: dto.address,
        province: dto.province,
        gln: dto.gln ?? null,
        latitude: dto.latitude ?? null,
        longitude: dto.longitude ?? null,
      });
      await this.audit.record(tx, actor, {
        action: 'location.add',
        targetType: 'location',
        targetId: saved.id,
        details: { name: saved.name, kind: saved.kind },
      });
      // The business's events that happened at this GLN before it was registered take it as their place.
      return { location: saved, linked: await this.arrivals.placeRegistered(tx, saved) };
    });
    await this.changes.publish(linked);
    return this.getLocation(location.id);
  }

  async updateLocation(actor: Actor, locationId: string, dto: UpdateLocationDto): Promise<LocationView> {
    const shownOn = await this.db.transaction(async (tx) => {
      const location = await tx.getRepository(LocationEntity).findOne({ where: { id: locationId }, lock: { mode: 'pessimistic_write' } });
      if (!location) throw new DomainError('LOCATION_NOT_FOUND');
      const latitude = dto.latitude !== undefined ? dto.latitude : location.latitude;
      const longitude = dto.longitude !== undefined ? dto.longitude : location.longitude;
      checkCoordinates(latitude, longitude);
      await tx.getRepository(LocationEntity).update({ id: locationId }, { ...dto, latitude, longitude });
      await this.audit.record(tx, actor, { action: 'location.update', targetType: 'location', targetId: locationId, details: { ...dto } });
      const linked = dto.gln && dto.gln !== location.gln ? await this.arrivals.placeRegistered(tx, { ...location, gln: dto.gln }) : [];
      // Consumer pages show the place as a batch's origin and as where its stages happened.
      return [...new Set([...(await findBatchesShowingLocation(tx, locationId)), ...linked])];
    });
    await this.changes.publish(shownOn);
    return this.getLocation(locationId);
  }

  /** Only a place nothing refers to: batches and events name their places for good. */
  async deleteLocation(actor: Actor, locationId: string): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        const location = await tx.getRepository(LocationEntity).findOneBy({ id: locationId });
        if (!location) throw new DomainError('LOCATION_NOT_FOUND');
        await tx.getRepository(LocationEntity).delete({ id: locationId });
        await this.audit.record(tx, actor, {
          action: 'location.delete',
          targetType: 'location',
          targetId: locationId,
          details: { name: location.name, kind: location.kind },
        });
      });
    } catch (error) {
      // Whatever refers to it (a batch's origin, an event's place, ...) the database knows best.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === FOREIGN_KEY_VIOLATION)
        throw new DomainError('LOCATION_IN_USE');
      throw error;
    }
  }

  /** A place, whoever may see it (the access rule of its route decides). */
  async getLocation(id: string): Promise<LocationView> {
    const location = await this.locations.findOneBy({ id });
    if (!location) throw new DomainError('LOCATION_NOT_FOUND');
    return mapLocation(location);
  }

  async listLocations(businessId: string, query: PageQueryDto): Promise<Page<LocationView>> {
    const [rows, total] = await this.locations.findAndCount({
      where: { businessId },
      order: { name: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return toPage(rows, total, query, mapLocation);
  }
}

function checkCoordinates(latitude: number | null, longitude: number | null): void {
  if ((latitude === null) !== (longitude === null)) {
    throw new DomainError('VALIDATION_FAILED', undefined, {
      [latitude === null ? 'latitude' : 'longitude']: [RULE_MESSAGES.locations.coordinatesPair],
    });
  }
}
