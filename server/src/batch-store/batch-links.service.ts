import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { labelMessage, labelSignatureParam, toBase64Url, type LabelKey, type LabelKeysView } from '@nguon/shared';
import { SigningKey } from '../common/signing/signing-key.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { identityUrl, type IdentitySource } from './batch-identity.js';
import type { BatchWithProduct } from './find-batch.js';

/** A key's short id: the start of its public key's SHA-256, base64url (24 bits tell a portal's few keys apart). */
const keyIdOf = (publicKey: string) => createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('base64url').slice(0, 4);

/**
 * The batches' identity URLs, each signed for its product, lot, expiry and business with the
 * label signing key (decision record 0038), and the keys that check them. Ed25519 signs the same
 * message the same way each time, so a code drawn again is the same code.
 */
@Injectable()
export class BatchLinks {
  private readonly key: SigningKey;
  private readonly keyId: string;
  private readonly keys: LabelKeysView;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = SigningKey.load(config.labelSigning, 'the label signing key');
    const current = toBase64Url(this.key.publicKey);
    this.keyId = keyIdOf(current);
    const key = (publicKey: string, isCurrent: boolean): LabelKey => ({
      id: keyIdOf(publicKey),
      algorithm: 'Ed25519',
      publicKey,
      current: isCurrent,
    });
    this.keys = {
      keys: [key(current, true), ...config.labelSigning.previousPublicKeys.filter((k) => k !== current).map((k) => key(k, false))],
    };
  }

  /** What the batch's QR code holds, signed. */
  identityUrl(batch: IdentitySource): string {
    return identityUrl(batch, this.config.publicBaseUrl, (claim) => labelSignatureParam(this.keyId, this.key.sign(labelMessage(claim))));
  }

  /** The same, of a batch as stored with its product and business. */
  identityUrlOf(batch: BatchWithProduct): string {
    return this.identityUrl({ ...batch, gtin: batch.product.gtin });
  }

  /** The public keys labels are checked with: the current one, and earlier ones whose labels are still about. */
  publishedKeys(): LabelKeysView {
    return this.keys;
  }
}
