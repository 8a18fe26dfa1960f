import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventView, IncomingShipmentView, Page } from '@nguon/shared';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/principal.js';
import { TenancyPolicy } from '../auth/tenancy.policy.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { toPage } from '../common/pagination/page-query.dto.js';
import { EventRecordingService } from '../events/event-recording.service.js';
import { RecordsService } from '../records/records.service.js';
import type { IncomingShipmentsQuery } from './dto/incoming-shipments.query.js';
import type { ReceiveShipmentDto } from './dto/receive-shipment.dto.js';
import { mapIncomingShipment } from './shipment.mapper.js';
import { countIncomingShipments, loadIncomingShipments } from './shipments.queries.js';

/** Goods on their way to a business from others on the portal, and confirming they arrived. */
@Injectable()
export class ShipmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly recording: EventRecordingService,
    private readonly records: RecordsService,
  ) {}

  /** The shipments to the business (newest first), pending, received or all; one query. */
  async incoming(businessId: string, query: IncomingShipmentsQuery): Promise<Page<IncomingShipmentView>> {
    const status = query.status ?? 'pending';
    const rows = await loadIncomingShipments(this.db.manager, businessId, status, query.limit, query.offset);
    const total = rows[0]?.total ?? (query.offset > 0 ? await countIncomingShipments(this.db.manager, businessId, status) : 0);
    return toPage(rows, total, query, mapIncomingShipment);
  }

  /** Only the business the goods were shipped to confirms them. */
  async receive(actor: Actor, shipmentEventId: string, dto: ReceiveShipmentDto): Promise<EventView> {
    const shipment = await this.records.shipmentById(shipmentEventId);
    if (!shipment) throw new DomainError('EVENT_NOT_FOUND', RULE_MESSAGES.shipments.noSuchShipment);
    const businessId = TenancyPolicy.actingBusiness(actor.principal, [shipment.business_id]);
    return this.recording.receiveShipment({ ...actor, businessId }, shipmentEventId, dto);
  }
}
