import { randomInt } from 'node:crypto';
import { buildDigitalLink, formatGs1Date } from '@nguon/shared';

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

interface IdentitySource {
  gtin: string | null;
  lotCode: string;
  shortCode: string;
  expiryDate: string | null;
}

/** What the batch's QR code holds: a GS1 Digital Link when the product has a GTIN, else `/q/{code}`. */
export function identityUrl(batch: IdentitySource, publicBaseUrl: string): string {
  if (!batch.gtin) return `${publicBaseUrl}/q/${batch.shortCode}`;
  return buildDigitalLink(
    { gtin14: batch.gtin, lot: batch.lotCode, ...(batch.expiryDate ? { expiry: formatGs1Date(batch.expiryDate) } : {}) },
    publicBaseUrl,
  );
}

/**
 * The batch's class-level identifier in EPCIS events: the canonical Digital Link (independent of
 * where this portal is hosted) or, without a GTIN, a portal URN.
 */
export function epcClassOf(batch: Pick<IdentitySource, 'gtin' | 'lotCode' | 'shortCode'>): string {
  return batch.gtin ? buildDigitalLink({ gtin14: batch.gtin, lot: batch.lotCode }) : `urn:nguon:lot:${batch.shortCode}`;
}
