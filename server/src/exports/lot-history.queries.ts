import { PORTAL_BIZ_STEPS } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { standingEventSql } from '../records/records.sql.js';
import { partyJson, siteJson, type Party, type Site } from './export-places.js';

export interface Certificate {
  name: string;
  number: string | null;
  issuer: string;
  validFrom: string | null;
  validTo: string | null;
}

/** A lot as `loadLotHistories` reads it. */
export interface LotRecordRow {
  batch_id: string;
  owner: Party;
  origin: Site | null;
  standards: string[];
  certificates: Certificate[];
  steps: {
    id: string;
    eventType: string;
    bizStep: string | null;
    made: boolean;
    time: string;
    offset: string;
    quantity: number | null;
    unit: string | null;
    site: Site | null;
    party: Party | null;
    recipient: Party | null;
    recipientName: string | null;
  }[];
}

const STEP_BIZ_STEPS = [PORTAL_BIZ_STEPS.harvesting, PORTAL_BIZ_STEPS.preprocessing, 'packing', 'shipping', 'receiving'];

/**
 * What the rows of one page need to know about their lots beyond the event itself, in one query:
 * each lot's producer and origin, its standards and certificates, and its standing events of the
 * kinds a row draws on (harvest, preprocessing, packing, shipping, receiving, the processing that made it).
 */
export function loadLotRecordRows(manager: EntityManager, batchIds: string[]): Promise<LotRecordRow[]> {
  return manager.query(
    `SELECT b.id AS batch_id, ${partyJson('o')} AS owner, ${siteJson('ol')} AS origin, p.standards,
            coalesce((SELECT json_agg(json_build_object('name', c.name, 'number', c.number, 'issuer', c.issuer,
                                                        'validFrom', c.valid_from, 'validTo', c.valid_to) ORDER BY c.name)
                        FROM certificates c
                       WHERE c.business_id = b.business_id AND (c.product_id IS NULL OR c.product_id = b.product_id)), '[]'::json) AS certificates,
            coalesce((SELECT json_agg(json_build_object(
                        'id', e.id, 'eventType', e.event_type, 'bizStep', e.biz_step, 'made', eb.role = 'output',
                        'time', e.event_time, 'offset', e.event_time_zone_offset, 'quantity', eb.quantity, 'unit', eb.unit,
                        'site', ${siteJson('l')}, 'party', ${partyJson('bu')}, 'recipient', ${partyJson('dst')},
                        'recipientName', e.document ->> 'nguon:destinationName') ORDER BY e.event_time, e.id)
                        FROM event_batches eb
                        JOIN events e ON e.id = eb.event_id AND e.record_time = eb.record_time
                        LEFT JOIN locations l ON l.id = e.location_id
                        LEFT JOIN businesses bu ON bu.id = e.business_id
                        LEFT JOIN businesses dst ON dst.id = e.destination_business_id
                       WHERE eb.batch_id = b.id AND eb.role <> 'input' AND ${standingEventSql('e')}
                         AND (eb.role = 'output' OR e.biz_step = ANY($2::text[]))), '[]'::json) AS steps
       FROM batches b
       JOIN products p ON p.id = b.product_id
       JOIN businesses o ON o.id = b.business_id
       LEFT JOIN locations ol ON ol.id = b.origin_location_id
      WHERE b.id = ANY($1::uuid[])`,
    [batchIds, STEP_BIZ_STEPS],
  );
}
