import { randomInt } from 'node:crypto';
import {
  buildDigitalLink,
  encodeDigitalLinkValue,
  formatGs1Date,
  LABEL_ISSUER_PARAM,
  LABEL_SIGNATURE_PARAM,
  type LabelClaim,
} from '@nguon/shared';

/** Crockford's base32 without I, L, O, U: short codes read aloud or typed without confusion. */
const SHORT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SHORT_CODE_LENGTH = 10;
export const SHORT_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/** A random short code for `/q/{code}`: 50 bits, so codes cannot be guessed by counting. */
export function newShortCode(): string {
  let code = '';
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)];
  return code;
}

export interface IdentitySource {
  gtin: string | null;
  lotCode: string;
  shortCode: string;
  expiryDate: string | null;
  /** The issuing business, which the label's signature covers. */
  businessId: string;
}

/**
 * A business's id as a label carries it: its UUID's 16 bytes in base64url (22 characters). Not
 * its tax code: the consumer's pages show none (a household business's may be its owner's
 * personal number), while this id is already public on them.
 */
export const labelBusinessId = (businessId: string): string => Buffer.from(businessId.replace(/-/g, ''), 'hex').toString('base64url');

/** What the batch's label says about it, and its signature covers (decision record 0038). */
export function labelClaimOf(batch: IdentitySource): LabelClaim {
  return {
    gtin14: batch.gtin,
    shortCode: batch.gtin ? null : batch.shortCode,
    lot: batch.lotCode,
    expiry: batch.expiryDate ? formatGs1Date(batch.expiryDate) : null,
    business: labelBusinessId(batch.businessId),
  };
}

/**
 * What the batch's QR code holds: a GS1 Digital Link when the product has a GTIN, else
 * `/q/{code}` with the lot and expiry in its query (`10`, `17`), so that a label can be checked
 * with no network; then the issuing business and the portal's signature (`sign`: the `sig` value).
 */
export function identityUrl(batch: IdentitySource, publicBaseUrl: string, sign: (claim: LabelClaim) => string): string {
  const claim = labelClaimOf(batch);
  const signed = `${LABEL_ISSUER_PARAM}=${claim.business}&${LABEL_SIGNATURE_PARAM}=${sign(claim)}`;
  if (!batch.gtin) {
    const expiry = claim.expiry ? `&17=${claim.expiry}` : '';
    return `${publicBaseUrl}/q/${batch.shortCode}?10=${encodeDigitalLinkValue(batch.lotCode)}${expiry}&${signed}`;
  }
  const link = buildDigitalLink(
    { gtin14: batch.gtin, lot: batch.lotCode, ...(claim.expiry ? { expiry: claim.expiry } : {}) },
    publicBaseUrl,
  );
  return `${link}${claim.expiry ? '&' : '?'}${signed}`;
}

/**
 * The batch's class-level identifier in EPCIS events: the canonical Digital Link (independent of
 * where this portal is hosted) or, without a GTIN, a portal URN.
 */
export function epcClassOf(batch: Pick<IdentitySource, 'gtin' | 'lotCode' | 'shortCode'>): string {
  return batch.gtin ? buildDigitalLink({ gtin14: batch.gtin, lot: batch.lotCode }) : `urn:nguon:lot:${batch.shortCode}`;
}
