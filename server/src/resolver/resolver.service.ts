import { Inject, Injectable } from '@nestjs/common';
import {
  buildDigitalLink,
  parseCompressedDigitalLink,
  parseDigitalLink,
  type CompressedDigitalLinkParse,
  type PublicProductView,
} from '@nguon/shared';
import { SHORT_CODE_PATTERN } from '../batch-store/batch-identity.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PublicBatchService, type PublicBatchJson } from '../public-view/public-batch.service.js';
import { PublicProductService } from '../public-view/public-product.service.js';
import { BatchLookupService } from './batch-lookup.service.js';
import type { ClientClass } from '../scans/scan-log.service.js';
import { ScansService } from './scans.service.js';

export type Resolved = { kind: 'batch'; batchId: string; gtin14: string | null } | { kind: 'product'; productId: string; gtin14: string };

const GS1_VOC = 'https://gs1.org/voc/';

/** A Digital Link path, also partially compressed: /01/{GTIN}/{qualifiers and attributes in base64url}. */
function parseLink(rawUrl: string): CompressedDigitalLinkParse {
  const parsed = parseDigitalLink(rawUrl);
  if (parsed.ok || parsed.problem !== 'syntax') return parsed;
  const compressed = parseCompressedDigitalLink(rawUrl);
  return compressed.ok || compressed.problem === 'check_digit' ? compressed : parsed;
}

/** GS1-Conformant resolution of the codes printed on packages. */
@Injectable()
export class ResolverService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lookup: BatchLookupService,
    private readonly publicBatches: PublicBatchService,
    private readonly publicProducts: PublicProductService,
    private readonly scans: ScansService,
  ) {}

  /** Parses a Digital Link path (`/01/...`) and finds what it names. */
  async resolveDigitalLink(rawUrl: string): Promise<Resolved> {
    const parsed = parseLink(rawUrl);
    if (!parsed.ok) {
      throw new DomainError(
        parsed.problem === 'check_digit' ? 'INVALID_CHECK_DIGIT' : 'INVALID_IDENTIFIER',
        RULE_MESSAGES.resolver.invalidCode(parsed.message),
      );
    }
    if (parsed.lot !== undefined) {
      const batchId = await this.lookup.byGtinAndLot(parsed.gtin14, parsed.lot);
      if (!batchId) throw new DomainError('BATCH_NOT_FOUND');
      return { kind: 'batch', batchId, gtin14: parsed.gtin14 };
    }
    if (parsed.serial !== undefined) {
      // Serials are not tracked per item: without a lot there is no batch to name.
      throw new DomainError('BATCH_NOT_FOUND');
    }
    const productId = await this.lookup.productByGtin(parsed.gtin14);
    if (!productId) throw new DomainError('PRODUCT_NOT_FOUND');
    return { kind: 'product', productId, gtin14: parsed.gtin14 };
  }

  /** The batch a Digital Link path names, when this instance has found it before (no database); else undefined. */
  batchFromMemory(rawUrl: string): string | undefined {
    return this.lookup.knownLink(rawUrl, () => {
      const parsed = parseLink(rawUrl);
      return parsed.ok && parsed.lot !== undefined ? this.lookup.knownBatch(parsed.gtin14, parsed.lot) : undefined;
    });
  }

  async resolveShortCode(code: string): Promise<Resolved> {
    const normalized = code.trim().toUpperCase();
    if (!SHORT_CODE_PATTERN.test(normalized)) throw new DomainError('INVALID_IDENTIFIER');
    const batchId = await this.lookup.byShortCode(normalized);
    if (!batchId) throw new DomainError('BATCH_NOT_FOUND');
    return { kind: 'batch', batchId, gtin14: null };
  }

  /** Records a scan of the batch (in memory, written with the next batch of scans) and answers its token. */
  recordScan(batchId: string, clientAddress: string, clientClass: ClientClass): string {
    return this.scans.record(batchId, clientAddress, clientClass);
  }

  /** The consumer view as JSON text, with the scan's token when one was recorded, and its ETag. */
  batchJson(batchId: string, scanToken: string | undefined): Promise<PublicBatchJson> {
    return this.publicBatches.getPublicBatchJson(batchId, scanToken);
  }

  productView(productId: string): Promise<PublicProductView> {
    return this.publicProducts.getPublicProduct(productId);
  }

  /** Where a browser is sent: the consumer page of the batch or product. */
  pagePath(resolved: Resolved): string {
    return resolved.kind === 'batch' ? `/batches/${resolved.batchId}` : `/products/${resolved.productId}`;
  }

  /** The RFC 9264 linkset: every link the portal has for this code, batch and GTIN level. */
  linkset(resolved: Resolved, anchorPath: string): Record<string, unknown> {
    const base = this.config.publicBaseUrl;
    const page = `${base}${this.pagePath(resolved)}`;
    const links: Record<string, unknown> = {
      anchor: `${base}${anchorPath}`,
      [`${GS1_VOC}defaultLink`]: [{ href: page, title: 'Thông tin truy xuất nguồn gốc', type: 'text/html', hreflang: ['vi', 'en'] }],
      [`${GS1_VOC}pip`]: [{ href: page, title: 'Thông tin sản phẩm', type: 'text/html', hreflang: ['vi', 'en'] }],
    };
    if (resolved.kind === 'batch') {
      links[`${GS1_VOC}traceability`] = [
        { href: `${base}/api/public/batches/${resolved.batchId}`, title: 'Traceability data', type: 'application/json' },
      ];
      links[`${GS1_VOC}certificationInfo`] = [
        { href: `${page}#certificates`, title: 'Chứng nhận', type: 'text/html', hreflang: ['vi', 'en'] },
      ];
      links[`${GS1_VOC}qrCode`] = [{ href: `${base}/api/batches/${resolved.batchId}/qr.svg`, title: 'QR code', type: 'image/svg+xml' }];
    }
    const linkset: Record<string, unknown>[] = [links];
    if (resolved.gtin14) {
      const gtinAnchor = buildDigitalLink({ gtin14: resolved.gtin14 }, base);
      if (gtinAnchor !== links.anchor) {
        linkset.push({
          anchor: gtinAnchor,
          [`${GS1_VOC}pip`]: [
            { href: `${base}${anchorPath.split('/10/')[0]}`, title: 'Sản phẩm', type: 'text/html', hreflang: ['vi', 'en'] },
          ],
        });
      }
    }
    return { linkset };
  }

  /** `/.well-known/gs1resolver`: what this resolver supports. */
  description(): Record<string, unknown> {
    return {
      name: 'Nguồn: cổng truy xuất nguồn gốc sản phẩm',
      resolverRoot: this.config.publicBaseUrl,
      supportedPrimaryKeys: ['01'],
      supportedQualifiers: ['10', '21'],
      linkTypeDefaultCanBeLinkset: false,
      supportedLinkType: [{ namespace: GS1_VOC, prefix: 'gs1:', profile: 'https://gs1.org/voc/?show=linktypes' }],
      supportedLanguages: ['vi', 'en'],
      linksetMediaType: 'application/linkset+json',
      shortCodePath: '/q/{code}',
    };
  }
}
