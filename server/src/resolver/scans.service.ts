import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { ScanPlaceDto } from './dto/scan-place.dto.js';
import { RecentScans } from './recent-scans.js';
import type { ClientClass } from './scan.entity.js';
import { ScanTokens } from './scan-token.js';

/** Rounds to one decimal: about 10 km, enough to tell Hà Tĩnh from Hà Nội and no closer. */
const coarse = (degrees: number) => Math.round(degrees * 10) / 10;

/** TypeORM answers an UPDATE ... RETURNING on PostgreSQL with [rows, affected]. */
const rowsOf = <T>(result: T[] | [T[], number]): T[] => (Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]));

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
  ) {
    this.tokens = new ScanTokens(config.authSecret);
    this.recent = new RecentScans(config.scanCountWindowMinutes * 60_000);
  }

  /**
   * The batch's scan count and a token for this client's scan. One statement either way: the
   * INSERT of a new scan with the count's increment, or the read of the count when this client's
   * scan of the batch was counted within the window.
   */
  async record(batchId: string, clientAddress: string, clientClass: ClientClass): Promise<{ scanCount: number; scanToken: string }> {
    let scanCount = 0;
    const scan = this.recent.scanOf(`${clientAddress} ${batchId}`, async () => {
      const [row] = rowsOf<{ scan_count: number; scan_id: string }>(await this.db.query(
        `WITH scan AS (INSERT INTO scans (batch_id, client_class) VALUES ($1, $2) RETURNING id)
         UPDATE batches SET scan_count = scan_count + 1 WHERE id = $1 RETURNING scan_count, (SELECT id FROM scan)::text AS scan_id`,
        [batchId, clientClass],
      ));
      if (!row) throw new DomainError('BATCH_NOT_FOUND');
      scanCount = row.scan_count;
      return row.scan_id;
    });
    const scanId = await scan.scanId;
    if (!scan.counted) {
      const [row]: { scan_count: number }[] = await this.db.query(`SELECT scan_count FROM batches WHERE id = $1`, [batchId]);
      scanCount = row?.scan_count ?? 0;
    }
    return { scanCount, scanToken: this.tokens.issue(scanId, batchId) };
  }

  /** Places the scan the token names, once; nothing but the rounded area is kept. */
  async place(batchId: string, dto: ScanPlaceDto): Promise<void> {
    const checked = this.tokens.verify(dto.scanToken, batchId);
    if ('problem' in checked) {
      const message = checked.problem === 'expired'
        ? { vi: 'Lượt quét đã quá hạn chia sẻ khu vực; hãy quét lại mã.', en: 'This scan can no longer be placed; scan the code again.' }
        : { vi: 'Mã lượt quét không hợp lệ.', en: 'Not a valid scan token.' };
      throw new DomainError('SCAN_TOKEN_INVALID', message, { scanToken: [message] });
    }
    const placed = rowsOf<{ id: string }>(await this.db.query(
      `UPDATE scans SET latitude = $3, longitude = $4 WHERE id = $1 AND batch_id = $2 AND latitude IS NULL RETURNING id`,
      [checked.scanId, batchId, coarse(dto.latitude), coarse(dto.longitude)],
    ));
    if (!placed.length) throw new DomainError('SCAN_ALREADY_PLACED');
  }
}
