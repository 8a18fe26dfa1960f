import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parseGtin, type LotReference } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { DomainError, type FieldErrors } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { RecordsService } from '../records/records.service.js';
import type { ExportScopeDto } from './dto/export-scope.dto.js';

/** The batches an export covers, the event-time range when there is one, and a name for the file. */
export interface ResolvedScope {
  batchIds: string[];
  from: Date | null;
  to: Date | null;
  label: string;
}

const DEFAULT_TRACE_DEPTH = 20;

/**
 * SQL: whether batch `b` is among a business's records: it produced it, or recorded events on it
 * (what `GET /api/batches/{id}/events` lets it read). `true` when the export is not restricted.
 */
function readable(businessParam: string | null): string {
  if (!businessParam) return 'true';
  return `(b.business_id = ${businessParam}::uuid OR b.id IN (
    SELECT eb.batch_id FROM event_batches eb JOIN events e ON e.id = eb.event_id WHERE e.business_id = ${businessParam}::uuid))`;
}

/** Turns a scope into the batches it covers, within what the exporter may read; refuses what names nothing. */
@Injectable()
export class ExportScopeResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly records: RecordsService,
  ) {}

  /** `businessId`: restrict to that business's records (a member's export); null for an inspector's. */
  resolve(scope: ExportScopeDto, businessId: string | null): Promise<ResolvedScope> {
    switch (scope.kind) {
      case 'trace':
        return this.trace(scope, businessId);
      case 'product':
        return this.product(scope, businessId);
      case 'lots':
        return this.lots(scope.lots ?? [], businessId);
    }
  }

  private async trace(scope: ExportScopeDto, businessId: string | null): Promise<ResolvedScope> {
    const start = scope.batchId
      ? await this.batchById(scope.batchId, businessId)
      : (await this.findLots([scope.lot!], businessId, 'lot'))[0]!;
    const depth = scope.depth ?? DEFAULT_TRACE_DEPTH;
    const direction = scope.direction ?? 'both';
    const [backward, forward] = await Promise.all([
      direction === 'forward' ? [] : this.records.lineage(start.id, 'backward', depth),
      direction === 'backward' ? [] : this.records.lineage(start.id, 'forward', depth),
    ]);
    const reached = [...new Set([start.id, ...backward.map((r) => r.batch_id), ...forward.map((r) => r.batch_id)])];
    return { batchIds: await this.keepReadable(reached, businessId), from: null, to: null, label: `trace-${start.lotCode}` };
  }

  private async product(scope: ExportScopeDto, businessId: string | null): Promise<ResolvedScope> {
    const from = new Date(scope.from!);
    const to = new Date(scope.to!);
    if (!(from < to))
      throw new DomainError('VALIDATION_FAILED', undefined, {
        to: [RULE_MESSAGES.exports.endNotAfterStart],
      });
    const gtin = scope.gtin ? parseGtin(scope.gtin) : null;
    const [product]: { id: string; gtin: string | null }[] = await this.db.query(
      // A GTIN names the product of the business whose prefix for it is confirmed, before any pending claim.
      `SELECT id, gtin FROM products p WHERE ${gtin?.ok ? 'gtin = $1::bpchar' : 'id = $1::uuid'}
        ORDER BY EXISTS (SELECT 1 FROM business_gs1_prefixes c WHERE c.business_id = p.business_id AND c.confirmed AND c.coverage @> substr(p.gtin, 2, 12)::int8) DESC
        LIMIT 1`,
      [gtin?.ok ? gtin.gtin14 : scope.productId],
    );
    if (!product) {
      throw new DomainError('PRODUCT_NOT_FOUND', undefined, {
        [scope.gtin ? 'gtin' : 'productId']: [RULE_MESSAGES.products.noSuchProduct],
      });
    }
    const params: unknown[] = [product.id, ...(businessId ? [businessId] : [])];
    const rows: { id: string }[] = await this.db.query(
      `SELECT b.id FROM batches b WHERE b.product_id = $1 AND ${readable(businessId ? '$2' : null)}`,
      params,
    );
    const day = (date: Date) => date.toISOString().slice(0, 10);
    return {
      batchIds: rows.map((r) => r.id),
      from,
      to,
      label: `product-${product.gtin ?? product.id.slice(0, 8)}-${day(from)}-${day(to)}`,
    };
  }

  private async lots(lots: LotReference[], businessId: string | null): Promise<ResolvedScope> {
    const found = await this.findLots(lots, businessId, 'lots');
    return { batchIds: [...new Set(found.map((b) => b.id))], from: null, to: null, label: `lots-${lots.length}` };
  }

  private async batchById(id: string, businessId: string | null): Promise<{ id: string; lotCode: string }> {
    const [row]: { id: string; lot_code: string }[] = await this.db.query(
      `SELECT b.id, b.lot_code FROM batches b WHERE b.id = $1 AND ${readable(businessId ? '$2' : null)}`,
      businessId ? [id, businessId] : [id],
    );
    // A batch outside the exporter's records is answered as one that does not exist.
    if (!row) throw new DomainError('BATCH_NOT_FOUND', undefined, { batchId: [RULE_MESSAGES.exports.noSuchBatch] });
    return { id: row.id, lotCode: row.lot_code };
  }

  /**
   * Each lot named, in one query: exactly one batch, or a field error at its place in the list
   * (not found, or a lot code that several products share and no GTIN tells apart).
   */
  private async findLots(
    lots: LotReference[],
    businessId: string | null,
    field: 'lot' | 'lots',
  ): Promise<{ id: string; lotCode: string }[]> {
    const gtins = lots.map((l) => {
      const parsed = l.gtin ? parseGtin(l.gtin) : null;
      return parsed?.ok ? parsed.gtin14 : null;
    });
    const rows: { position: number; id: string }[] = await this.db.query(
      `SELECT r.position::int AS position, b.id
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS r(lot_code, gtin, position)
         JOIN batches b ON b.lot_code = r.lot_code
         JOIN products p ON p.id = b.product_id AND (r.gtin IS NULL OR p.gtin = r.gtin::bpchar)
        WHERE ${readable(businessId ? '$3' : null)}`,
      [lots.map((l) => l.lotCode), gtins, ...(businessId ? [businessId] : [])],
    );
    const matches = new Map<number, string[]>();
    for (const row of rows) matches.set(row.position - 1, [...(matches.get(row.position - 1) ?? []), row.id]);
    const problems: FieldErrors = {};
    const found = lots.map((lot, index) => {
      const ids = matches.get(index) ?? [];
      const path = field === 'lot' ? 'lot.lotCode' : `lots.${index}.lotCode`;
      if (ids.length === 0) {
        problems[path] = [RULE_MESSAGES.exports.lotNotFound(lot.lotCode, lot.gtin)];
      } else if (ids.length > 1) {
        problems[path] = [RULE_MESSAGES.exports.lotOfSeveralProducts(lot.lotCode, ids.length)];
      }
      return { id: ids[0]!, lotCode: lot.lotCode };
    });
    if (Object.keys(problems).length) throw new DomainError('EXPORT_LOTS_UNKNOWN', undefined, problems);
    return found;
  }

  private async keepReadable(ids: string[], businessId: string | null): Promise<string[]> {
    if (!businessId) return ids;
    const rows: { id: string }[] = await this.db.query(`SELECT b.id FROM batches b WHERE b.id = ANY($1::uuid[]) AND ${readable('$2')}`, [
      ids,
      businessId,
    ]);
    return rows.map((r) => r.id);
  }
}
