import { parseDigitalLink } from '../gs1/digital-link.js';
import { fromBase64, toBase64, utf8 } from '../transparency/checkpoint.js';

/**
 * A label that proves itself offline (decision record 0038): the code's URL carries the issuing
 * business (`by`, its portal id) and the portal's Ed25519 signature (`sig`, `{key id}.{signature}`,
 * base64url) over the code's key, lot, expiry and business. Anyone holding the portal's published
 * label keys checks it without a network.
 */
export const LABEL_ISSUER_PARAM = 'by';
export const LABEL_SIGNATURE_PARAM = 'sig';

/** What a label's code says about the goods it is stuck on. */
export interface LabelClaim {
  /** AI 01, 14 digits; null for the portal's short code. */
  gtin14: string | null;
  /** The short code of `/q/{code}`; null for a Digital Link. */
  shortCode: string | null;
  lot: string | null;
  /** YYMMDD, from `?17=`. */
  expiry: string | null;
  /** The issuing business's portal id, base64url (`?by=`). */
  business: string | null;
}

/** A key the portal signs (or signed) labels with, as `/.well-known/nguon-label-keys` lists it. */
export interface LabelKey {
  /** The short id a signature names its key by. */
  id: string;
  algorithm: 'Ed25519';
  /** The raw 32-byte public key, base64url. */
  publicKey: string;
  /** The key that signs new labels; the others still verify the labels they signed. */
  current: boolean;
}

export interface LabelKeysView {
  keys: LabelKey[];
}

export type Ed25519Verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => Promise<boolean>;

export type LabelCheck =
  /** Signed by the portal for exactly this product (or code), lot, expiry and business. */
  | { status: 'genuine'; claim: LabelClaim }
  /** Signed, but not for what the code now says: a lot, GTIN, expiry or business was changed. */
  | { status: 'altered'; claim: LabelClaim }
  /** Signed with a key the portal does not publish: not its signature. */
  | { status: 'unknown_key'; claim: LabelClaim }
  /** No signature at all: printed before labels were signed, or made by someone else. */
  | { status: 'unsigned'; claim: LabelClaim }
  /** Not a product code of the portal's kinds. */
  | { status: 'not_a_code' };

const SHORT_CODE_PATH = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/?#]*)?\/q\/([0-9A-HJKMNP-TV-Z]{10})\/?(?:\?([^#]*))?(?:#.*)?$/i;

/** The bytes the portal signs: one field a line, so no field can run into the next. */
export function labelMessage(claim: LabelClaim): Uint8Array {
  const key = claim.gtin14 !== null ? `01/${claim.gtin14}` : `q/${claim.shortCode ?? ''}`;
  return utf8(['nguon-label/1', key, claim.lot ?? '', claim.expiry ?? '', claim.business ?? ''].join('\n'));
}

/** The `sig` parameter's value. */
export function labelSignatureParam(keyId: string, signature: Uint8Array): string {
  return `${keyId}.${toBase64Url(signature)}`;
}

/** The claim and signature a code's URL (or path) carries; null when it is no product code. */
export function readLabel(url: string): { claim: LabelClaim; signature: string | null } | null {
  const shortCode = SHORT_CODE_PATH.exec(url.trim());
  if (shortCode) {
    const query = parseQuery(shortCode[2] ?? '');
    const claim = { gtin14: null, shortCode: shortCode[1]!.toUpperCase(), lot: query.get('10') ?? null, expiry: query.get('17') ?? null };
    return { claim: { ...claim, business: query.get(LABEL_ISSUER_PARAM) ?? null }, signature: query.get(LABEL_SIGNATURE_PARAM) ?? null };
  }
  const link = parseDigitalLink(url);
  if (!link.ok) return null;
  return {
    claim: {
      gtin14: link.gtin14,
      shortCode: null,
      lot: link.lot ?? null,
      expiry: link.expiry ?? null,
      business: link.query[LABEL_ISSUER_PARAM] ?? null,
    },
    signature: link.query[LABEL_SIGNATURE_PARAM] ?? null,
  };
}

/** Checks a scanned code against the portal's label keys, with no network: `verify` is Ed25519. */
export async function checkLabel(url: string, keys: readonly LabelKey[], verify: Ed25519Verify): Promise<LabelCheck> {
  const label = readLabel(url);
  if (!label) return { status: 'not_a_code' };
  const { claim, signature } = label;
  if (signature === null) return { status: 'unsigned', claim };
  const dot = signature.indexOf('.');
  const key = keys.find((candidate) => candidate.id === signature.slice(0, dot));
  if (dot < 0 || !key) return { status: 'unknown_key', claim };
  const bytes = fromBase64Url(signature.slice(dot + 1));
  // A signature cut short or padded is not one: Web Crypto would throw on some lengths.
  const valid = bytes?.length === 64 && (await verify(fromBase64Url(key.publicKey) ?? new Uint8Array(), labelMessage(claim), bytes));
  return { status: valid ? 'genuine' : 'altered', claim };
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  return fromBase64(text.replace(/-/g, '+').replace(/_/g, '/'));
}

/** First occurrence wins, as for a Digital Link's query; a malformed escape leaves the parameter out. */
function parseQuery(raw: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const part of raw.split('&')) {
    const eq = part.indexOf('=');
    try {
      const key = decodeURIComponent((eq >= 0 ? part.slice(0, eq) : part).replace(/\+/g, ' '));
      if (key !== '' && !query.has(key)) query.set(key, decodeURIComponent((eq >= 0 ? part.slice(eq + 1) : '').replace(/\+/g, ' ')));
    } catch {
      continue;
    }
  }
  return query;
}
