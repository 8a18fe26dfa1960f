import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { groupBy, parseGtin, vietnamDay, type LotReference } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { DomainError, type FieldErrors } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { RecordsService } from '../records/records.service.js';
import type { ExportScopeDto } from './dto/export-scope.dto.js';
import {
  findReadableBatch,
  findReadableBatchesOfProduct,
  findScopeProduct,
  keepReadableBatches,
  matchReadableLots,
} from './export-scope.queries.js';

/** The batches an export covers, the event-time range when there is one, and a name for the file. */
export interface ResolvedScope {
  batchIds: string[];
  from: Date | null;
  to: Date | null;
  label: string;
}

const DEFAULT_TRACE_DEPTH = 20;

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
    const product = await findScopeProduct(this.db.manager, gtin?.ok ? { gtin14: gtin.gtin14 } : { id: scope.productId });
    if (!product) {
      throw new DomainError('PRODUCT_NOT_FOUND', undefined, {
        [scope.gtin ? 'gtin' : 'productId']: [RULE_MESSAGES.products.noSuchProduct],
      });
    }
    const batchIds = await findReadableBatchesOfProduct(this.db.manager, product.id, businessId);
    return {
      batchIds,
      from,
      to,
      // The days the range covers in Vietnam; its end is not included.
      label: `product-${product.gtin ?? product.id.slice(0, 8)}-${vietnamDay(from)}-${vietnamDay(to.getTime() - 1)}`,
    };
  }

  private async lots(lots: LotReference[], businessId: string | null): Promise<ResolvedScope> {
    const found = await this.findLots(lots, businessId, 'lots');
    return { batchIds: [...new Set(found.map((b) => b.id))], from: null, to: null, label: `lots-${lots.length}` };
  }

  private async batchById(id: string, businessId: string | null): Promise<{ id: string; lotCode: string }> {
    const row = await findReadableBatch(this.db.manager, id, businessId);
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
    const rows = await matchReadableLots(
      this.db.manager,
      lots.map((l) => l.lotCode),
      gtins,
      businessId,
    );
    const matches = groupBy(rows, (row) => row.position - 1);
    const problems: FieldErrors = {};
    const found = lots.map((lot, index) => {
      const ids = (matches.get(index) ?? []).map((row) => row.id);
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
    return keepReadableBatches(this.db.manager, ids, businessId);
  }
}
