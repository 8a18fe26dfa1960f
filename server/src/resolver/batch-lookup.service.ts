import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReplicaReads } from '../common/cache/replica-reads.js';
import { findBatchByGtinAndLot, findBatchByShortCode, findClaimedProduct, type FoundIdRow } from './batch-lookup.queries.js';

/** Upper bound on remembered codes; each entry is a few dozen bytes. */
const MAX_KEYS = 200_000;

/**
 * Turns printed codes into batch ids. A batch's GTIN, lot and short code never change and
 * batches are never deleted, so a found mapping is remembered for good; unknown codes are not.
 */
@Injectable()
export class BatchLookupService {
  private readonly ids = new Map<string, string>();
  private readonly links = new Map<string, string>();

  constructor(private readonly reads: ReplicaReads) {}

  byGtinAndLot(gtin14: string, lot: string): Promise<string | null> {
    return this.remembered(`01:${gtin14}:${lot}`, (manager) => findBatchByGtinAndLot(manager, gtin14, lot));
  }

  /** The batch of a GTIN and lot if it was found before: no database. */
  knownBatch(gtin14: string, lot: string): string | undefined {
    return this.ids.get(`01:${gtin14}:${lot}`);
  }

  /**
   * The batch of a Digital Link as scanned, found without parsing it again: one label's link is
   * scanned from every package printed with it. `find` parses it the first time.
   */
  knownLink(link: string, find: () => string | undefined): string | undefined {
    const known = this.links.get(link);
    if (known !== undefined) return known;
    const found = find();
    if (found === undefined) return undefined;
    if (this.links.size >= MAX_KEYS) this.links.clear();
    this.links.set(link, found);
    return found;
  }

  byShortCode(code: string): Promise<string | null> {
    return this.remembered(`q:${code}`, (manager) => findBatchByShortCode(manager, code));
  }

  /** The product of the business an administrator confirmed the GTIN's prefix for: a pending claim answers nothing. */
  productByGtin(gtin14: string): Promise<string | null> {
    return this.remembered(`p:${gtin14}`, (manager) => findClaimedProduct(manager, gtin14));
  }

  private async remembered(key: string, load: (manager: EntityManager) => Promise<FoundIdRow[]>): Promise<string | null> {
    const known = this.ids.get(key);
    if (known) return known;
    const [row] = await this.reads.lookup(load);
    if (!row) return null;
    if (this.ids.size >= MAX_KEYS) this.ids.clear();
    this.ids.set(key, row.id);
    return row.id;
  }
}
