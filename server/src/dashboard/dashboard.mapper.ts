import {
  certificateValidity,
  stageOf,
  type BatchStatus,
  type CertificateAlert,
  type CertificateKind,
  type DashboardBatch,
  type DashboardEvent,
  type OnboardingView,
  type UnitCode,
  type UnreceivedShipment,
} from '@nguon/shared';
import type { BatchRow, CertificateRow, EventRow, OnboardingRow, ShipmentRow } from './dashboard.queries.js';

export function mapOnboarding(row: OnboardingRow): OnboardingView {
  return {
    done: {
      register: true,
      verification: row.status === 'verified',
      product: row.has_product,
      location: row.has_location,
      batch: row.first_batch_id !== null,
      labels: row.labels_out,
    },
    firstBatchId: row.first_batch_id,
  };
}

export function mapDashboardBatch(row: BatchRow): DashboardBatch {
  return {
    id: row.id,
    lotCode: row.lot_code,
    displayName: row.display_name,
    productName: { vi: row.name_vi, en: row.name_en },
    status: row.status as BatchStatus,
    lastEventAt: row.last_event_at?.toISOString() ?? null,
    lastRecordedAt: row.last_recorded_at.toISOString(),
  };
}

export function mapDashboardEvent(row: EventRow): DashboardEvent {
  return {
    id: row.id,
    stage: stageOf(row.event_type, row.biz_step),
    bizStep: row.biz_step,
    eventTime: row.event_time.toISOString(),
    eventTimeZoneOffset: row.event_time_zone_offset,
    recordTime: row.record_time.toISOString(),
    declaredWrong: row.declared_wrong,
    batch:
      row.batch_id && row.lot_code
        ? { id: row.batch_id, lotCode: row.lot_code, productName: { vi: row.name_vi ?? '', en: row.name_en ?? '' } }
        : null,
  };
}

/** Only certificates that have ended or end soon are loaded, so their validity is never 'valid'. */
export function mapCertificateAlert(row: CertificateRow, today: string): CertificateAlert {
  return {
    id: row.id,
    kind: row.kind as CertificateKind,
    name: row.name,
    validTo: row.valid_to,
    validity: certificateValidity(row.valid_to, today) === 'expired' ? 'expired' : 'expiring',
    product: row.product_id ? { id: row.product_id, name: { vi: row.name_vi ?? '', en: row.name_en ?? '' } } : null,
  };
}

export function mapUnreceivedShipment(row: ShipmentRow): UnreceivedShipment {
  return {
    eventId: row.id,
    shippedAt: row.event_time.toISOString(),
    eventTimeZoneOffset: row.event_time_zone_offset,
    fromBusiness: row.sender_id && row.sender_name ? { id: row.sender_id, name: row.sender_name } : null,
    batch: { id: row.batch_id, lotCode: row.lot_code, productName: { vi: row.name_vi, en: row.name_en } },
    quantity: row.quantity === null ? null : Number(row.quantity),
    unit: row.unit as UnitCode | null,
  };
}
