import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FLAG_KIND_NAMES, type FlagKind, type FlagScanResult } from '@nguon/shared';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { allowLongStatements } from '../database/postgres-connection.js';
import { FLAG_DETECTORS } from './flag-detectors.queries.js';
import { tryScanLock } from './flags.queries.js';

const EVERY_MS = 10 * 60 * 1000;
const SCAN_STATEMENT_TIMEOUT_MS = 5 * 60 * 1000;
/** Any fixed number: the transaction-scoped advisory lock that lets one instance scan at a time. */
const SCAN_LOCK = 7_204_204;

export function noneRaised(): Record<FlagKind, number> {
  return Object.fromEntries(FLAG_KIND_NAMES.map((kind) => [kind, 0])) as Record<FlagKind, number>;
}

/**
 * Runs the anomaly checks every ten minutes, and when an inspector asks. With several instances,
 * the one that takes the lock scans; the others skip that round.
 */
@Injectable()
export class FlagScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FlagScanner.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.scan()
        .catch((error: Error) => this.logger.warn(`flag scan failed: ${error.message}`))
        .finally(() => {
          this.running = null;
        });
    }, EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One run of every check, in one transaction; null when another instance is scanning. */
  scan(): Promise<FlagScanResult | null> {
    return this.db.transaction(async (tx) => {
      if (!(await tryScanLock(tx, SCAN_LOCK))) return null;
      // The checks read up to 90 days of events: on a large database that rightly takes longer than a request's statement.
      await allowLongStatements(tx, SCAN_STATEMENT_TIMEOUT_MS);
      const raised = noneRaised();
      for (const [kind, detect] of Object.entries(FLAG_DETECTORS)) {
        raised[kind as FlagKind] = await detect(tx, { unreceivedHours: this.config.unreceivedShipmentHours });
      }
      return { raised };
    });
  }
}
