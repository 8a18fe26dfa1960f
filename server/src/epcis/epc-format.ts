import { canonicalGs1Identifier, epcToDigitalLink } from '@nguon/shared';
import { DomainError } from '../common/errors/domain-error.js';

/**
 * How EPCs are written in query results, as the client asks with the `GS1-EPC-Format` header
 * (EPCIS 2.0 REST binding). Absent means `Always_GS1_Digital_Link`.
 *
 * - `Always_GS1_Digital_Link`: EPC URNs become canonical Digital Links (https://id.gs1.org/...);
 *   Digital Links stay as captured.
 * - `Always_EPC_URN`: Digital Links become EPC URNs. A URN needs the length of the GS1 Company
 *   Prefix, which a Digital Link does not carry: the portal knows it only for GTINs under a prefix
 *   an administrator confirmed for a business (a GTIN-8, claimed whole, has none). Any other
 *   Digital Link is left as it is, as the binding allows.
 * - `Never_Translates` and `No_Preference`: every identifier as captured.
 */
export const EPC_FORMATS = ['No_Preference', 'Always_GS1_Digital_Link', 'Always_EPC_URN', 'Never_Translates'] as const;
export type EpcFormat = (typeof EPC_FORMATS)[number];

export const EPC_FORMAT_HEADER = 'GS1-EPC-Format';

export function parseEpcFormat(header: string | string[] | undefined): EpcFormat {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return 'Always_GS1_Digital_Link';
  const format = EPC_FORMATS.find((f) => f.toLowerCase() === value.trim().toLowerCase());
  if (!format) {
    throw new DomainError('VALIDATION_FAILED', undefined, {
      [EPC_FORMAT_HEADER]: [`${EPC_FORMAT_HEADER} must be one of ${EPC_FORMATS.join(', ')}`],
    });
  }
  return format;
}

/** A GS1 key in a Digital Link, with the AI qualifier that follows it (lot, serial, location extension). */
interface DigitalLinkKey {
  ai: '01' | '00' | '414' | '417';
  key: string;
  qualifier?: { ai: '10' | '21' | '254'; value: string };
}

const CANONICAL_KEY = /^https:\/\/id\.gs1\.org\/(01|00|414|417)\/(\d+)(?:\/(10|21|254)\/([^/?#]+))?$/;
// A Digital Link on any domain (possibly under a sub-path), when the canonical form cannot be had.
const ANY_DOMAIN_KEY = /^https?:\/\/[^/?#]+(?:\/[^?#]*)?\/(01|00|414|417)\/(\d+)(?:\/(10|21|254)\/([^/?#]+))?\/?(?:[?#].*)?$/;
const KEY_LENGTH: Record<DigitalLinkKey['ai'], number> = { '01': 14, '00': 18, '414': 13, '417': 13 };

function parseKey(link: string): DigitalLinkKey | null {
  const parts = CANONICAL_KEY.exec(canonicalGs1Identifier(link) ?? '') ?? ANY_DOMAIN_KEY.exec(link);
  if (!parts) return null;
  const ai = parts[1] as DigitalLinkKey['ai'];
  const key = parts[2] ?? '';
  const qualifierAi = parts[3] as NonNullable<DigitalLinkKey['qualifier']>['ai'] | undefined;
  if (key.length !== KEY_LENGTH[ai]) return null;
  if (!qualifierAi || parts[4] === undefined) return { ai, key };
  const allowed = ai === '01' ? ['10', '21'] : ai === '414' ? ['254'] : [];
  if (!allowed.includes(qualifierAi)) return null;
  try {
    return { ai, key, qualifier: { ai: qualifierAi, value: decodeURIComponent(parts[4]) } };
  } catch {
    return null;
  }
}

/** A lot, serial or extension written into an EPC URN (TDS 2.0 Table A-1: these characters are escaped). */
function urnComponent(value: string): string {
  return value.replace(/["%&/<>?]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The GTIN-14 a Digital Link (of any domain) names, if it names one. */
export function gtinOfDigitalLink(link: string): string | null {
  const key = parseKey(link);
  return key?.ai === '01' ? key.key : null;
}

/**
 * The EPC URN of a Digital Link for a GS1 Company Prefix of `prefixLength` digits: SGTIN, LGTIN
 * (class), SGTIN pattern (GTIN only), SSCC, SGLN and PGLN. Null when the link names nothing of
 * these, or the length does not fit the key.
 */
export function digitalLinkToEpcUrn(link: string, prefixLength: number): string | null {
  const parsed = parseKey(link);
  if (!parsed || prefixLength < 6 || prefixLength > 12) return null;
  const { ai, key, qualifier } = parsed;
  switch (ai) {
    case '01': {
      // GTIN-14: indicator, company prefix, item reference, check digit.
      const gcp = key.slice(1, 1 + prefixLength);
      const item = key[0]! + key.slice(1 + prefixLength, 13);
      if (qualifier?.ai === '21') return `urn:epc:id:sgtin:${gcp}.${item}.${urnComponent(qualifier.value)}`;
      if (qualifier?.ai === '10') return `urn:epc:class:lgtin:${gcp}.${item}.${urnComponent(qualifier.value)}`;
      return `urn:epc:idpat:sgtin:${gcp}.${item}.*`;
    }
    case '00': {
      // SSCC: extension digit, company prefix, serial reference, check digit.
      const gcp = key.slice(1, 1 + prefixLength);
      return `urn:epc:id:sscc:${gcp}.${key[0]!}${key.slice(1 + prefixLength, 17)}`;
    }
    case '414': {
      const gcp = key.slice(0, prefixLength);
      const extension = qualifier?.ai === '254' ? urnComponent(qualifier.value) : '0';
      return `urn:epc:id:sgln:${gcp}.${key.slice(prefixLength, 12)}.${extension}`;
    }
    case '417':
      return `urn:epc:id:pgln:${key.slice(0, prefixLength)}.${key.slice(prefixLength, 12)}`;
  }
}

/**
 * Every way an identifier may have been written: as given, as its canonical Digital Link, and as
 * an EPC URN for each possible company prefix length (only one of which a capturing system would
 * have used). For fields stored as captured, such as read points and business locations.
 */
export function identifierVariants(value: string): string[] {
  const canonical = canonicalGs1Identifier(value);
  const variants = new Set([value]);
  if (canonical) {
    variants.add(canonical);
    for (let length = 6; length <= 12; length++) {
      const urn = digitalLinkToEpcUrn(canonical, length);
      if (urn) variants.add(urn);
    }
  }
  return [...variants];
}

/** Where an event names EPCs: plain lists, and quantity lists whose elements name an EPC class. */
const EPC_LISTS = ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'] as const;
const QUANTITY_LISTS = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'] as const;

function eachEpc(event: Record<string, unknown>, visit: (value: string) => string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...event };
  if (typeof copy.parentID === 'string') copy.parentID = visit(copy.parentID);
  for (const list of EPC_LISTS) {
    const items = copy[list];
    if (Array.isArray(items)) copy[list] = items.map((item: unknown) => (typeof item === 'string' ? visit(item) : item));
  }
  for (const list of QUANTITY_LISTS) {
    const items = copy[list];
    if (!Array.isArray(items)) continue;
    copy[list] = items.map((item: unknown) => {
      const element = item as { epcClass?: unknown } | null;
      return element && typeof element.epcClass === 'string' ? { ...element, epcClass: visit(element.epcClass) } : item;
    });
  }
  return copy;
}

/** The GTINs an event names as Digital Links: what `Always_EPC_URN` needs company prefixes for. */
export function digitalLinkGtins(event: Record<string, unknown>): string[] {
  const gtins = new Set<string>();
  eachEpc(event, (value) => {
    const gtin = value.startsWith('http') ? gtinOfDigitalLink(value) : null;
    if (gtin) gtins.add(gtin);
    return value;
  });
  return [...gtins];
}

/**
 * The event with its EPCs (epcList, parentID, childEPCs, input/output lists, and the epcClass of
 * every quantity list) written in the asked format. `companyPrefixOf` gives the GS1 Company Prefix
 * known for a GTIN-14, if any.
 */
export function formatEpcs(
  event: Record<string, unknown>,
  format: EpcFormat,
  companyPrefixOf: (gtin14: string) => string | undefined,
): Record<string, unknown> {
  if (format === 'Always_GS1_Digital_Link')
    return eachEpc(event, (value) => (value.startsWith('urn:epc:') ? epcToDigitalLink(value) : value));
  if (format === 'Always_EPC_URN') {
    return eachEpc(event, (value) => {
      if (!value.startsWith('http')) return value;
      const gtin = gtinOfDigitalLink(value);
      const prefix = gtin ? companyPrefixOf(gtin) : undefined;
      return (prefix && gtin!.slice(1).startsWith(prefix) ? digitalLinkToEpcUrn(value, prefix.length) : null) ?? value;
    });
  }
  return event;
}
