import { Inject, Injectable } from '@nestjs/common';
import { BatchesService } from '../batches/batches.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { identityUrl } from '../batches/batch-identity.js';
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
    return qrPng(await this.urlOf(batchId), query.size, query.ecc);
  }

  async svg(batchId: string, query: QrQueryDto): Promise<string> {
    const batch = await this.batches.findOrFail(batchId);
    const url = identityUrl({ ...batch, gtin: batch.product.gtin }, this.config.publicBaseUrl);
    const caption = query.caption ? { product: batch.product.nameVi, lot: batch.lotCode, code: batch.product.gtin ?? batch.shortCode } : null;
    return qrSvg(url, query.size, query.ecc, caption);
  }

  private async urlOf(batchId: string): Promise<string> {
    const batch = await this.batches.findOrFail(batchId);
    return identityUrl({ ...batch, gtin: batch.product.gtin }, this.config.publicBaseUrl);
  }
}
