import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What links earlier events to master data that arrives after them: the event store. */
export interface LateMasterDataLinker {
  placeRegistered(tx: EntityManager, location: { id: string; businessId: string; gln: string }): Promise<string[]>;
  prefixConfirmed(tx: EntityManager, businessId: string, companyPrefix: string): Promise<string[]>;
}

/**
 * Places and parties registered after the events that named them (an integrator sent events
 * first, decision record 0024). Master data never imports the event store, so its services
 * announce the arrival here, inside their transaction, and the event store, listening, links the
 * earlier events in it. Each call answers the batches whose records changed, for their caches.
 */
@Injectable()
export class MasterDataArrivals {
  private linker: LateMasterDataLinker | null = null;

  listen(linker: LateMasterDataLinker): void {
    this.linker = linker;
  }

  async placeRegistered(tx: EntityManager, location: { id: string; businessId: string; gln: string | null }): Promise<string[]> {
    if (!location.gln) return [];
    return this.required().placeRegistered(tx, { ...location, gln: location.gln });
  }

  async prefixesConfirmed(tx: EntityManager, businessId: string, companyPrefixes: readonly string[]): Promise<string[]> {
    const changed = new Set<string>();
    for (const prefix of companyPrefixes)
      for (const batchId of await this.required().prefixConfirmed(tx, businessId, prefix)) changed.add(batchId);
    return [...changed];
  }

  private required(): LateMasterDataLinker {
    // Without the event store listening, master data would be saved and earlier events silently left unlinked.
    if (!this.linker) throw new Error('No event store listens for master data arrivals');
    return this.linker;
  }
}
