import { Inject, Injectable } from '@nestjs/common';
import { identityUrl } from '../batches/batch-identity.js';
import { BatchesService } from '../batches/batches.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { QrQueryDto } from './dto/qr-query.dto.js';
import { qrPng, qrSvg } from './qr-image.js';

/** QR images of a batch's identity URL. Public: the code is printed on every package anyway. */
@Injectable()
export class QrService {
  constructor(
    private readonly batches: BatchesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async png(batchId: string, query: QrQueryDto): Promise<Buffer> {
    const { url } = await this.load(batchId);
    return qrPng(url, query.size, query.ecc);
  }

  async svg(batchId: string, query: QrQueryDto): Promise<string> {
    const { url, batch } = await this.load(batchId);
    const caption = query.caption ? { product: batch.product.nameVi, lot: batch.lotCode, code: batch.product.gtin ?? batch.shortCode } : null;
    return qrSvg(url, query.size, query.ecc, caption);
  }

  private async load(batchId: string) {
    const batch = await this.batches.findOrFail(batchId);
    return { batch, url: identityUrl({ ...batch, gtin: batch.product.gtin }, this.config.publicBaseUrl) };
  }
}
