import { Inject, Injectable } from '@nestjs/common';
import {
  buildDigitalLink,
  parseCompressedDigitalLink,
  parseDigitalLink,
  type CompressedDigitalLinkParse,
  type Locale,
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
import { GS1_VOC, linkTarget, type CodeLink } from './link-types.js';
import { LINK_TITLES } from './link-titles.js';
import type { ClientClass } from '../scans/scan-log.service.js';
import { ScansService } from './scans.service.js';

/**
 * What a code names, and the URI of the level it was answered at (a lot, or its product when the
 * lot is not registered or the code names an item by serial: the resolver walks up).
 */
export type Named =
  | { kind: 'batch'; batchId: string; gtin14: string | null }
  | { kind: 'product'; productId: string; gtin14: string; walkedUp?: { unregisteredLot?: string } };

export type Resolved = Named & { anchor: string };

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

  /**
   * Parses a Digital Link (`/01/...`, or compressed) and finds what it names: its batch, else (an
   * unknown lot, a serial without a lot, no qualifier) its product; with the link uncompressed.
   */
  async resolveDigitalLink(rawUrl: string): Promise<Resolved & { uncompressed: string }> {
    const parsed = parseLink(rawUrl);
    if (!parsed.ok) {
      throw new DomainError(
        parsed.problem === 'check_digit' ? 'INVALID_CHECK_DIGIT' : 'INVALID_IDENTIFIER',
        RULE_MESSAGES.resolver.invalidCode(parsed.message),
      );
    }
    const base = this.config.publicBaseUrl;
    const { gtin14, cpv, lot, serial } = parsed;
    const uncompressed = buildDigitalLink({ gtin14, cpv, lot, serial, expiry: parsed.expiry }, base);
    if (lot !== undefined) {
      const batchId = await this.lookup.byGtinAndLot(gtin14, lot);
      if (batchId) return { kind: 'batch', batchId, gtin14, anchor: buildDigitalLink({ gtin14, cpv, lot }, base), uncompressed };
    }
    // Serials are not tracked per item, and a lot may not be registered: the product answers, if it is on the portal.
    const productId = await this.lookup.productByGtin(gtin14);
    if (!productId) throw new DomainError(lot !== undefined || serial !== undefined ? 'BATCH_NOT_FOUND' : 'PRODUCT_NOT_FOUND');
    const walkedUp = lot !== undefined ? { walkedUp: { unregisteredLot: lot } } : serial !== undefined ? { walkedUp: {} } : {};
    return { kind: 'product', productId, gtin14, anchor: buildDigitalLink({ gtin14 }, base), uncompressed, ...walkedUp };
  }

  /** The batch a Digital Link path names, when this instance has found it before (no database); else undefined. */
  batchFromMemory(rawUrl: string): string | undefined {
    return this.lookup.knownLink(rawUrl, () => {
      // Uncompressed only: a compressed link's answer names its uncompressed form, which the route adds.
      const parsed = parseDigitalLink(rawUrl);
      return parsed.ok && parsed.lot !== undefined ? this.lookup.knownBatch(parsed.gtin14, parsed.lot) : undefined;
    });
  }

  async resolveShortCode(code: string): Promise<Resolved> {
    const normalized = code.trim().toUpperCase();
    if (!SHORT_CODE_PATTERN.test(normalized)) throw new DomainError('INVALID_IDENTIFIER');
    const batchId = await this.lookup.byShortCode(normalized);
    if (!batchId) throw new DomainError('BATCH_NOT_FOUND');
    return { kind: 'batch', batchId, gtin14: null, anchor: `${this.config.publicBaseUrl}/q/${normalized}` };
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

  /**
   * Where a browser is sent: the consumer page of the batch or product; a lot the portal does not
   * know is named, for the product page to warn that it is not registered.
   */
  pagePath(named: Named): string {
    if (named.kind === 'batch') return `/batches/${named.batchId}`;
    const lot = named.walkedUp?.unregisteredLot;
    return `/products/${named.productId}${lot === undefined ? '' : `?unregisteredLot=${encodeURIComponent(lot)}`}`;
  }

  /** Every link the portal has for what a code names, in the order the linkset lists them. */
  links(resolved: Resolved): CodeLink[] {
    const base = this.config.publicBaseUrl;
    const page = `${base}${this.pagePath(resolved)}`;
    const html = { mediaType: 'text/html', hreflang: ['vi', 'en'] };
    const links: CodeLink[] = [
      { type: 'defaultLink', href: page, title: LINK_TITLES.defaultLink, ...html },
      { type: 'pip', href: page, title: LINK_TITLES.pip, ...html },
    ];
    if (resolved.kind === 'batch') {
      const { batchId } = resolved;
      links.push(
        {
          type: 'traceability',
          href: `${base}/api/public/batches/${batchId}`,
          title: LINK_TITLES.traceability,
          mediaType: 'application/json',
        },
        { type: 'certificationInfo', href: `${page}#certificates`, title: LINK_TITLES.certificationInfo, ...html },
        { type: 'qrCode', href: `${base}/api/batches/${batchId}/qr.svg`, title: LINK_TITLES.qrCode, mediaType: 'image/svg+xml' },
      );
    }
    return links;
  }

  /**
   * The RFC 9264 linkset, its titles in `locale`: every link the portal has for the level the code
   * was answered at, and for a lot the product's links too.
   */
  linkset(resolved: Resolved, locale: Locale): Record<string, unknown> {
    const own: Record<string, unknown> = { anchor: resolved.anchor };
    for (const link of this.links(resolved)) own[`${GS1_VOC}${link.type}`] = [linkTarget(link, locale)];
    const linkset: Record<string, unknown>[] = [own];
    if (resolved.kind === 'batch' && resolved.gtin14) {
      const gtinAnchor = buildDigitalLink({ gtin14: resolved.gtin14 }, this.config.publicBaseUrl);
      const product: CodeLink = {
        type: 'pip',
        href: gtinAnchor,
        title: LINK_TITLES.product,
        mediaType: 'text/html',
        hreflang: ['vi', 'en'],
      };
      linkset.push({ anchor: gtinAnchor, [`${GS1_VOC}pip`]: [linkTarget(product, locale)] });
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
      // Who runs it, as a vCard in JSON (the description schema's `contact`).
      contact: {
        fn: this.config.operator.name,
        url: this.config.publicBaseUrl,
        ...(this.config.operator.email ? { email: { type: 'work', value: this.config.operator.email } } : {}),
      },
    };
  }
}
