import { STAGE_REQUIRED_DATA, STAGES, type FlagKind, type RequiredEventField, type Stage } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { batchBalancesSql, LIVE_RECEIPTS, LIVE_SHIPMENTS, receiptOf, standingEventSql } from '../records/records.sql.js';

/** Event-based checks look at what was recorded in this window, so a run stays cheap as records grow. */
const RECENT = `interval '90 days'`;

/** What each stage must say (the one list the stage forms ask by), by bizStep. */
const REQUIRED_DATA = Object.entries(STAGE_REQUIRED_DATA).map(([stage, fields]) => ({ bizStep: STAGES[stage as Stage].bizStep, fields }));

const REQUIRED_FIELDS = ['location', 'quantity', 'destination', 'source'] as const satisfies RequiredEventField[];
const stepsNeeding = (field: RequiredEventField) => REQUIRED_DATA.filter((r) => r.fields.includes(field)).map((r) => r.bizStep);

const MISSING_SQL = {
  location: `e.read_point IS NULL AND e.biz_location IS NULL`,
  quantity: `NOT EXISTS (SELECT 1 FROM event_batches q WHERE q.event_id = e.id AND q.record_time = e.record_time AND q.role IN ('subject', 'output') AND q.quantity IS NOT NULL)`,
  destination: `NOT (e.document ? 'destinationList') AND NOT (e.document ? 'nguon:destinationName')`,
  source: `NOT (e.document ? 'sourceList') AND NOT (e.document ? 'nguon:sourceName')`,
} as const;

/** One `CASE` per field, its bizSteps bound as $1..$4: the names of what an event lacks. */
const MISSING_CASES = REQUIRED_FIELDS.map(
  (field, n) => `CASE WHEN e.biz_step = ANY($${n + 1}::text[]) AND ${MISSING_SQL[field]} THEN '${field}' END`,
).join(', ');

/** Mass balance compares quantities stored with 6 decimals: a smaller surplus is rounding. */
const BALANCE_EPSILON = 0.000001;

/** Places more than this far apart within SCAN_WINDOW_HOURS look like one code printed on many packs. */
const SCAN_DISTANCE_KM = 300;
const SCAN_WINDOW_HOURS = 6;

type Detector = (tx: EntityManager, options: { unreceivedHours: number }) => Promise<number>;

async function inserted(tx: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  const rows: unknown[] = await tx.query(`${sql} ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`, params);
  return rows.length;
}

/**
 * Each check is one set-based INSERT of the anomalies it finds; the dedupe key names what a flag is
 * about, so a later run never raises the same one twice.
 */
export const FLAG_DETECTORS: Record<Exclude<FlagKind, 'consumer_report'>, Detector> = {
  unreceived_shipment: (tx, { unreceivedHours }) =>
    inserted(
      tx,
      `
    INSERT INTO flags (kind, dedupe_key, batch_id, business_id, event_id, event_record_time, details)
    SELECT 'unreceived_shipment', 'unreceived_shipment:' || s.event_pk || ':' || s.batch_id, s.batch_id, s.business_id, s.event_pk, s.record_time,
           jsonb_build_object('shippedAt', s.event_time, 'from', sender.legal_name, 'to', receiver.legal_name)
      FROM ${LIVE_SHIPMENTS} s
      JOIN businesses sender ON sender.id = s.shipper_id
      JOIN businesses receiver ON receiver.id = s.business_id
     -- The receiver has had the hours since the shipment was recorded, not since its (maybe earlier) event time.
     WHERE s.record_time < now() - make_interval(hours => $1) AND s.event_time > now() - ${RECENT}
       AND NOT EXISTS (SELECT 1 FROM ${LIVE_RECEIPTS} r WHERE ${receiptOf('s', 'r')})`,
      [unreceivedHours],
    ),

  outputs_exceed_inputs: (tx) =>
    inserted(
      tx,
      `
    INSERT INTO flags (kind, dedupe_key, batch_id, business_id, event_id, event_record_time, details)
    SELECT 'outputs_exceed_inputs', 'outputs_exceed_inputs:' || e.id, o.first_batch, e.business_id, e.id, e.record_time,
           jsonb_build_object('inputs', i.total, 'outputs', o.total, 'unit', o.unit)
      FROM events e
      JOIN LATERAL (SELECT sum(quantity) AS total, min(unit) AS unit, count(DISTINCT unit) AS units, bool_and(quantity IS NOT NULL) AS complete,
                           (array_agg(batch_id ORDER BY batch_id))[1] AS first_batch
                      FROM event_batches WHERE event_id = e.id AND record_time = e.record_time AND role = 'output') o ON true
      JOIN LATERAL (SELECT sum(quantity) AS total, min(unit) AS unit, count(DISTINCT unit) AS units, bool_and(quantity IS NOT NULL) AS complete
                      FROM event_batches WHERE event_id = e.id AND record_time = e.record_time AND role = 'input') i ON true
     WHERE e.event_type = 'TransformationEvent' AND e.record_time > now() - ${RECENT}
       -- An event someone declared wrong is not an anomaly to chase: its correction is.
       AND ${standingEventSql('e')}
       -- Only comparable when every quantity is known and all are in one unit.
       AND o.complete AND i.complete AND o.units = 1 AND i.units = 1 AND o.unit = i.unit AND o.total > i.total`,
    ),

  missing_data: (tx) =>
    inserted(
      tx,
      `
    INSERT INTO flags (kind, dedupe_key, batch_id, business_id, event_id, event_record_time, details)
    SELECT 'missing_data', 'missing_data:' || m.id, m.batch_id, m.business_id, m.id, m.record_time, jsonb_build_object('bizStep', m.biz_step, 'missing', to_jsonb(m.missing))
      FROM (SELECT e.id, e.record_time, e.business_id, e.biz_step,
                   (SELECT batch_id FROM event_batches WHERE event_id = e.id AND record_time = e.record_time ORDER BY role = 'subject' DESC, role = 'output' DESC LIMIT 1) AS batch_id,
                   array_remove(ARRAY[${MISSING_CASES}], NULL) AS missing
              FROM events e
             WHERE e.biz_step = ANY($5::text[]) AND e.record_time > now() - ${RECENT} AND ${standingEventSql('e')}) m
     WHERE cardinality(m.missing) > 0`,
      [...REQUIRED_FIELDS.map(stepsNeeding), REQUIRED_DATA.map((r) => r.bizStep)],
    ),

  // What left a batch beyond what its holder had of it, whichever way it came in (a form's override,
  // a capture from another system, an import): once per latest outflow and unit, so shipping even
  // more later raises a new flag.
  mass_balance_exceeded: (tx) =>
    inserted(
      tx,
      `
    INSERT INTO flags (kind, dedupe_key, batch_id, business_id, event_id, event_record_time, details)
    SELECT 'mass_balance_exceeded', 'mass_balance_exceeded:' || m.last_outflow || ':' || coalesce(m.base_unit, '-'), m.batch_id, m.business_id,
           m.last_outflow, m.last_outflow_recorded, jsonb_build_object('held', m.held, 'used', m.used, 'unit', m.base_unit, 'holder', holder.legal_name)
      FROM ${batchBalancesSql(`eb.batch_id IN (SELECT ob.batch_id FROM event_batches ob JOIN events oe ON oe.id = ob.event_id AND oe.record_time = ob.record_time
                                               WHERE oe.record_time > now() - ${RECENT} AND ob.quantity IS NOT NULL)`)} m
      JOIN businesses holder ON holder.id = m.business_id
     WHERE m.held IS NOT NULL AND m.last_outflow IS NOT NULL AND m.used > m.held + ${BALANCE_EPSILON}`,
    ),

  improbable_scans: (tx) =>
    inserted(
      tx,
      `
    INSERT INTO flags (kind, dedupe_key, batch_id, business_id, details)
    SELECT 'improbable_scans', 'improbable_scans:' || p.batch_id || ':' || to_char(max(p.seen), 'YYYY-MM-DD'), p.batch_id, b.business_id,
           jsonb_build_object('places', count(DISTINCT (p.lat1, p.lon1)) + 1, 'maxKm', round(max(p.km)), 'windowHours', ${SCAN_WINDOW_HOURS})
      FROM (SELECT a.batch_id, a.latitude AS lat1, a.longitude AS lon1, greatest(a.scanned_at, c.scanned_at) AS seen,
                   2 * 6371 * asin(sqrt(power(sin(radians(c.latitude - a.latitude) / 2), 2)
                     + cos(radians(a.latitude)) * cos(radians(c.latitude)) * power(sin(radians(c.longitude - a.longitude) / 2), 2))) AS km
              FROM scans a
              JOIN scans c ON c.batch_id = a.batch_id AND c.id > a.id AND c.latitude IS NOT NULL
                          AND c.scanned_at BETWEEN a.scanned_at - interval '${SCAN_WINDOW_HOURS} hours' AND a.scanned_at + interval '${SCAN_WINDOW_HOURS} hours'
             WHERE a.latitude IS NOT NULL AND a.scanned_at > now() - interval '7 days') p
      JOIN batches b ON b.id = p.batch_id
     WHERE p.km > ${SCAN_DISTANCE_KM}
     GROUP BY p.batch_id, b.business_id`,
    ),
};
