import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CERTIFICATE_EXPIRING_DAYS, type DashboardView } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { countScansByDay, fillScanDays, scanWindow } from '../batches/batch-scans.queries.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ScanLog } from '../scans/scan-log.service.js';
import { mapCertificateAlert, mapDashboardBatch, mapDashboardEvent, mapOnboarding, mapUnreceivedShipment } from './dashboard.mapper.js';
import {
  loadCounts,
  loadEndingCertificates,
  loadOnboarding,
  loadOpenBatches,
  loadRecentEvents,
  loadStaleBatches,
  loadUnreceivedShipments,
} from './dashboard.queries.js';

const DAY_MS = 86_400_000;
/** How many of each list the dashboard shows; the full lists are a click away. */
const OPEN_BATCHES = 5;
const RECENT_EVENTS = 10;
const ATTENTION_ITEMS = 20;

/** A business at a glance: read-only, so no module depends on it. */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scans: ScanLog,
  ) {}

  async getDashboard(businessId: string, now = new Date()): Promise<DashboardView> {
    const window = scanWindow(now);
    const today = window.days[window.days.length - 1]!;
    const certificatesUntil = new Date(Date.parse(`${today}T00:00:00Z`) + CERTIFICATE_EXPIRING_DAYS * DAY_MS).toISOString().slice(0, 10);
    const quietSince = new Date(now.getTime() - this.config.staleBatchDays * DAY_MS);
    // This instance's scans of the last moments are written first: a business sees its own test scan.
    await this.scans.flush();
    const [onboarding, counts, open, events, scans, stale, certificates, shipments] = await Promise.all([
      loadOnboarding(this.db, businessId),
      loadCounts(this.db, businessId),
      loadOpenBatches(this.db, businessId, OPEN_BATCHES),
      loadRecentEvents(this.db, businessId, RECENT_EVENTS),
      countScansByDay(this.db, { businessId }, window.since),
      loadStaleBatches(this.db, businessId, quietSince, ATTENTION_ITEMS),
      loadEndingCertificates(this.db, businessId, certificatesUntil),
      loadUnreceivedShipments(this.db, businessId, ATTENTION_ITEMS),
    ]);
    const days = fillScanDays(window.days, scans);
    return {
      businessId,
      onboarding: mapOnboarding(onboarding),
      counts: { products: counts.products, openBatches: counts.open_batches },
      openBatches: open.map(mapDashboardBatch),
      recentEvents: events.map(mapDashboardEvent),
      scans: { total: days.reduce((sum, day) => sum + day.count, 0), days },
      attention: {
        staleBatches: stale.map(mapDashboardBatch),
        staleAfterDays: this.config.staleBatchDays,
        certificates: certificates.map((row) => mapCertificateAlert(row, today)),
        unreceivedShipments: shipments.map(mapUnreceivedShipment),
      },
    };
  }
}
