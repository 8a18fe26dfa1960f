import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Actor } from '../auth/principal.js';
import { TenancyPolicy } from '../auth/tenancy.policy.js';
import { BatchLinks } from '../batch-store/batch-links.service.js';
import { BatchesService } from '../batches/batches.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { QR_MAX_SIZE, type QrQueryDto } from './dto/qr-query.dto.js';
import { QrCache } from './qr-cache.js';
import { withCaption } from './qr-image.js';
import { QrRenderPool } from './qr-render-pool.js';

export interface QrImage {
  bytes: Buffer;
  /** Strong validator: the same key always draws the same bytes. */
  etag: string;
  /** Whether it came from the cache (the `X-Cache` header). */
  cached: boolean;
  /** Drawn over the public size limit for a member of the business: not for shared caches. */
  membersOnly: boolean;
}

/**
 * QR images of a batch's identity URL. Public: the code is printed on every package anyway. Drawn
 * by worker threads, kept in a byte-bounded cache keyed by what the image shows (so a changed lot
 * or GTIN never serves a stale code), and capped in size for anyone who is not a member of the
 * batch's business.
 */
@Injectable()
export class QrService implements OnModuleDestroy {
  private readonly cache: QrCache;
  private readonly pool: QrRenderPool;
  /** Images being drawn now: identical requests share one drawing. */
  private readonly drawing = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly batches: BatchesService,
    private readonly links: BatchLinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cache = new QrCache(config.qrCacheBytes);
    this.pool = new QrRenderPool(config.qrRenderThreads, config.qrRenderQueue);
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }

  async image(actor: Actor | null, batchId: string, format: 'png' | 'svg', query: QrQueryDto): Promise<QrImage> {
    const batch = await this.batches.findOrFail(batchId);
    const membersOnly = query.size > this.config.qrPublicMaxSize;
    if (membersOnly && !TenancyPolicy.actsForAny(actor?.principal ?? null, [batch.businessId])) {
      const message = RULE_MESSAGES.qr.sizeForMembers(this.config.qrPublicMaxSize, QR_MAX_SIZE);
      throw new DomainError('QR_SIZE_TOO_LARGE', message, { size: [message] });
    }
    const url = this.links.identityUrlOf(batch);
    const caption =
      format === 'svg' && query.caption
        ? { product: batch.product.nameVi, lot: batch.lotCode, code: batch.product.gtin ?? batch.shortCode }
        : null;
    const key = JSON.stringify([url, format, query.size, query.ecc, caption]);
    const etag = `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
    const cached = this.cache.get(key);
    if (cached) return { bytes: cached, etag, cached: true, membersOnly };
    return { bytes: await this.draw(key, url, format, query, caption), etag, cached: false, membersOnly };
  }

  private draw(
    key: string,
    url: string,
    format: 'png' | 'svg',
    query: QrQueryDto,
    caption: Parameters<typeof withCaption>[2] | null,
  ): Promise<Buffer> {
    const drawing = this.drawing.get(key);
    if (drawing) return drawing;
    const drawn = this.pool
      .render({ url, format, size: query.size, ecc: query.ecc })
      .then((symbol) => (caption ? Buffer.from(withCaption(symbol.toString('utf8'), query.size, caption), 'utf8') : symbol))
      .then((image) => {
        this.cache.set(key, image);
        return image;
      })
      .finally(() => this.drawing.delete(key));
    this.drawing.set(key, drawn);
    return drawn;
  }
}
