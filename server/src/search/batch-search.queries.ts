import { foldText, parseGtin, VIETNAM_OFFSET, type BatchSearchSort } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { escapeLike } from '../common/sql/escape-like.js';
import { lastEventAtSql, standingEventSql } from '../records/records.sql.js';
import type { BatchSearchQueryDto } from './dto/batch-search.query.js';

/** Events `e` that still stand: neither an error declaration nor declared wrong by one. */
const LIVE_EVENT = standingEventSql('e');
const LAST_EVENT_AT = lastEventAtSql('b');

/** The whitelisted sort keys as SQL; folded names sort the same with or without diacritics. */
const SORT_SQL: Record<BatchSearchSort, string> = {
  lotCode: 'b.lot_code',
  productName: 'nguon_fold(p.name_vi)',
  business: 'nguon_fold(bu.legal_name)',
  status: 'b.status',
  productionDate: 'b.production_date',
  lastEventAt: LAST_EVENT_AT,
};

export interface BatchSearchRow {
  id: string;
  lot_code: string;
  status: string;
  production_date: string;
  name_vi: string;
  name_en: string;
  gtin: string | null;
  business_id: string;
  legal_name: string;
  last_biz_step: string | null;
  last_event_type: string | null;
  last_event_time: Date | null;
  total: string;
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * One page of batches across every business, in one statement: each filter narrows the batches
 * by an indexed condition (trigram indexes on folded text, prefixes, event projections), and the
 * last event is read for the page's rows only.
 */
export async function searchBatches(db: EntityManager, query: BatchSearchQueryDto): Promise<{ rows: BatchSearchRow[]; total: number }> {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const contains = (text: string) => bind(`%${escapeLike(foldText(text))}%`);
  const where: string[] = [];

  if (query.q) {
    const text = contains(query.q);
    where.push(`b.id IN (
      SELECT pb.id FROM products tp JOIN batches pb ON pb.product_id = tp.id WHERE nguon_fold(tp.name_vi) LIKE ${text} OR nguon_fold(tp.name_en) LIKE ${text}
      UNION SELECT bb.id FROM businesses tb JOIN batches bb ON bb.business_id = tb.id WHERE nguon_fold(tb.legal_name) LIKE ${text}
      UNION SELECT lb.id FROM batches lb WHERE nguon_fold(lb.lot_code) LIKE ${text})`);
  }
  if (query.gtin) {
    const gtin = parseGtin(query.gtin);
    if (gtin.ok) where.push(`p.gtin = ${bind(gtin.gtin14)}`);
  }
  if (query.lot)
    where.push(query.lotMatch === 'prefix' ? `b.lot_code LIKE ${bind(`${escapeLike(query.lot)}%`)}` : `b.lot_code = ${bind(query.lot)}`);
  if (query.productName) {
    const text = contains(query.productName);
    where.push(`(nguon_fold(p.name_vi) LIKE ${text} OR nguon_fold(p.name_en) LIKE ${text})`);
  }
  if (query.business) {
    where.push(
      /^\d+$/.test(query.business)
        ? `bu.tax_code LIKE ${bind(`${query.business}%`)}`
        : `nguon_fold(bu.legal_name) LIKE ${contains(query.business)}`,
    );
  }
  if (query.location) {
    const places = `SELECT id FROM locations WHERE nguon_fold(name) LIKE ${contains(query.location)}`;
    where.push(`(b.origin_location_id IN (${places})
      OR b.id IN (SELECT eb.batch_id FROM events e JOIN event_batches eb ON eb.event_id = e.id AND eb.record_time = e.record_time WHERE e.location_id IN (${places}) AND ${LIVE_EVENT}))`);
  }
  if (query.status) where.push(`b.status = ${bind(query.status)}`);

  const byEvent = query.dateField === 'event';
  const eventConditions: string[] = [];
  if (query.bizStep) eventConditions.push(`e.biz_step = ${bind(query.bizStep)}`);
  if (query.disposition) eventConditions.push(`e.disposition = ${bind(query.disposition)}`);
  if (query.from) {
    if (byEvent) eventConditions.push(`e.event_time >= ${bind(`${query.from}T00:00:00${VIETNAM_OFFSET}`)}::timestamptz`);
    else where.push(`b.production_date >= ${bind(query.from)}::date`);
  }
  if (query.to) {
    if (byEvent) eventConditions.push(`e.event_time < ${bind(`${nextDay(query.to)}T00:00:00${VIETNAM_OFFSET}`)}::timestamptz`);
    else where.push(`b.production_date <= ${bind(query.to)}::date`);
  }
  if (eventConditions.length) {
    where.push(
      `b.id IN (SELECT eb.batch_id FROM events e JOIN event_batches eb ON eb.event_id = e.id AND eb.record_time = e.record_time WHERE ${eventConditions.join(' AND ')} AND ${LIVE_EVENT})`,
    );
  }

  const from = `FROM batches b JOIN products p ON p.id = b.product_id JOIN businesses bu ON bu.id = b.business_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const filterParams = [...params];
  const direction = `${query.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`;
  const rows: BatchSearchRow[] = await db.query(
    `WITH found AS (
       SELECT b.id, b.lot_code, b.status, b.production_date::text AS production_date, p.name_vi, p.name_en, p.gtin, b.business_id, bu.legal_name,
              ${SORT_SQL[query.sort]} AS sort_key, count(*) OVER () AS total
         ${from}
        ORDER BY sort_key ${direction}, b.id
        LIMIT ${bind(query.limit)} OFFSET ${bind(query.offset)})
     SELECT found.*, last.biz_step AS last_biz_step, last.event_type AS last_event_type, last.event_time AS last_event_time
       FROM found
       LEFT JOIN LATERAL (
         SELECT e.biz_step, e.event_type, e.event_time FROM event_batches eb JOIN events e ON e.id = eb.event_id AND e.record_time = eb.record_time
          WHERE eb.batch_id = found.id AND ${LIVE_EVENT}
          ORDER BY e.event_time DESC, e.record_time DESC LIMIT 1) last ON true
      ORDER BY found.sort_key ${direction}, found.id`,
    params,
  );
  // The window count comes with the rows; a page past the end has none, so count on their own.
  const total = rows[0]
    ? Number(rows[0].total)
    : query.offset > 0
      ? Number((await db.query(`SELECT count(*) AS n ${from}`, filterParams))[0].n)
      : 0;
  return { rows, total };
}
