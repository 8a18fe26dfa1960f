import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ScanLog, type ClientClass } from '../scans/scan-log.service.js';
import type { ScanPlaceDto } from './dto/scan-place.dto.js';
import { placeScan } from './scan-place.queries.js';
import { RecentScans, tokenFor } from './recent-scans.js';
import { SCAN_TOKEN_TTL_MS, ScanTokens } from './scan-token.js';

/** Rounds to one decimal: about 10 km, enough to tell Hà Tĩnh from Hà Nội and no closer. */
const coarse = (degrees: number) => Math.round(degrees * 10) / 10;

/**
 * Anonymous scans: counted at most once per client address, batch and window (so one client
 * cannot inflate a count or fake a crowd), each answered with a token that alone lets the same
 * client share the scan's rough area, once (so nobody can place other people's scans and raise a
 * false "copied code" flag against a genuine batch).
 */
@Injectable()
export class ScansService {
  private readonly tokens: ScanTokens;
  private readonly recent: RecentScans;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly log: ScanLog,
  ) {
    this.tokens = new ScanTokens(config.authSecret);
    this.recent = new RecentScans(config.scanCountWindowMinutes * 60_000);
  }

  /**
   * A token for this client's scan of the batch (which exists): a new scan, recorded in memory and
   * written with the next batch of scans, or the one this client made within the window.
   */
  record(batchId: string, clientAddress: string, clientClass: ClientClass, now = Date.now()): string {
    const { scan } = this.recent.scanOf(`${clientAddress} ${batchId}`, () => this.log.record(batchId, clientClass), now);
    return tokenFor(scan, () => this.tokens.issue(scan.scanId, batchId, now), SCAN_TOKEN_TTL_MS, now);
  }

  /** Places the scan the token names, once; nothing but the rounded area is kept. */
  async place(batchId: string, dto: ScanPlaceDto): Promise<void> {
    const checked = this.tokens.verify(dto.scanToken, batchId);
    if ('problem' in checked) {
      const message = checked.problem === 'expired' ? RULE_MESSAGES.resolver.scanExpired : RULE_MESSAGES.resolver.scanTokenInvalid;
      throw new DomainError('SCAN_TOKEN_INVALID', message, { scanToken: [message] });
    }
    // A scan answered a moment ago may still wait in memory: its row is written first.
    if (this.log.holds(checked.scanId)) await this.log.flush();
    const placed = await placeScan(this.db.manager, checked.scanId, batchId, coarse(dto.latitude), coarse(dto.longitude));
    if (!placed.length) throw new DomainError('SCAN_ALREADY_PLACED');
  }
}
