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
import { LIVE_RECEIPTS, LIVE_SHIPMENTS, receiptOf } from '../records/records.sql.js';
import { RecordsService } from '../records/records.service.js';
import type { IncomingShipmentsQuery } from './dto/incoming-shipments.query.js';
import type { ReceiveShipmentDto } from './dto/receive-shipment.dto.js';
import { mapIncomingShipment, type IncomingShipmentRow } from './shipment.mapper.js';

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
    const rows: (IncomingShipmentRow & { total: number })[] = await this.db.query(
      `SELECT s.event_pk, s.batch_id, s.quantity, s.unit, s.shipper_id, s.document, s.event_time, s.event_time_zone_offset,
              b.lot_code, b.display_name, p.name_vi, p.name_en, sb.legal_name AS shipper_name,
              r.event_pk AS received_pk, r.event_time AS received_at, count(*) OVER ()::int AS total
         FROM ${LIVE_SHIPMENTS} s
         JOIN batches b ON b.id = s.batch_id
         JOIN products p ON p.id = b.product_id
         JOIN businesses sb ON sb.id = s.shipper_id
         LEFT JOIN LATERAL (SELECT r.event_pk, r.event_time FROM ${LIVE_RECEIPTS} r WHERE ${receiptOf('s', 'r')} ORDER BY r.event_time LIMIT 1) r ON true
        WHERE s.business_id = $1 AND ($2 = 'all' OR ($2 = 'pending') = (r.event_pk IS NULL))
        ORDER BY s.event_time DESC, s.event_pk
        LIMIT $3 OFFSET $4`,
      [businessId, status, query.limit, query.offset],
    );
    const total = rows[0]?.total ?? (query.offset > 0 ? await this.count(businessId, status) : 0);
    return toPage(rows, total, query, mapIncomingShipment);
  }

  /** Only the business the goods were shipped to confirms them. */
  async receive(actor: Actor, shipmentEventId: string, dto: ReceiveShipmentDto): Promise<EventView> {
    const shipment = await this.records.shipmentById(shipmentEventId);
    if (!shipment) throw new DomainError('EVENT_NOT_FOUND', RULE_MESSAGES.shipments.noSuchShipment);
    const businessId = TenancyPolicy.actingBusiness(actor.principal, [shipment.business_id]);
    return this.recording.receiveShipment({ ...actor, businessId }, shipmentEventId, dto);
  }

  /** The total when the page asked for is past the end. */
  private async count(businessId: string, status: string): Promise<number> {
    const [row]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM ${LIVE_SHIPMENTS} s
        WHERE s.business_id = $1 AND ($2 = 'all' OR ($2 = 'pending') = NOT EXISTS (SELECT 1 FROM ${LIVE_RECEIPTS} r WHERE ${receiptOf('s', 'r')}))`,
      [businessId, status],
    );
    return row?.n ?? 0;
  }
}
