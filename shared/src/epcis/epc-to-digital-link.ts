import { gs1CheckDigit, hasValidCheckDigit } from '../gs1/check-digit.js';

/**
 * EPC URIs (EPC Tag Data Standard 2.0: pure identity `urn:epc:id:`, class `urn:epc:class:` and ID
 * pattern `urn:epc:idpat:` URIs) to canonical GS1 Digital Link URIs on https://id.gs1.org, and the
 * "constrained canonical" form of a GS1 Digital Link URI used by the EPCIS event hash (CBV 2.0
 * §8.9, rules 17 and 18): GS1 domain, no query string, only the finest identification level.
 *
 * The schemes, character sets and length limits follow the reference implementation of the event
 * hash (github.com/RalphTro/epcis-event-hash-generator, dl_normaliser.py), so that hashes agree.
 */

export const GS1_ID_BASE = 'https://id.gs1.org';

// One character of an EPC URI component that holds GS1 AI encodable character set 82 (serials,
// lots, location extensions, asset references): a raw URI-safe character or a %-escape of one
// of the remaining CSET 82 characters. An escape counts as one character for the length limits.
const CSET82_CHAR = "(?:%2[125-9A-Fa-f]|%3[0-9A-Fa-f]|%4[1-9A-Fa-f]|%5[0-9AaFf]|%6[1-9A-Fa-f]|%7[0-9Aa]|[!'()*+,.0-9:;=A-Za-z_-])";
// Character set 39 (component/part references, CPI): digits, capitals, '-', '#' and '/'.
const CSET39_CHAR = '(?:%2[3dfDF]|%3[0-9]|%4[1-9A-Fa-f]|%5[0-9Aa]|[0-9A-Z-])';

const CSET82_RUN = new RegExp(`^${CSET82_CHAR}+$`);
const CSET39_RUN = new RegExp(`^${CSET39_CHAR}+$`);

/** Number of characters in an EPC URI component, counting each %-escape as one. */
function componentLength(value: string): number {
  return value.replace(/%[0-9A-Fa-f]{2}/g, '%').length;
}

function cset82(value: string, min: number, max: number): boolean {
  if (value === '') return min === 0;
  const length = componentLength(value);
  return CSET82_RUN.test(value) && length >= min && length <= max;
}

function cset39(value: string, max: number): boolean {
  return value !== '' && CSET39_RUN.test(value) && componentLength(value) <= max;
}

/**
 * GS1 Digital Link 1.2 Table 7-1 characters that EPC URIs leave unescaped but a Digital Link path
 * must escape. Existing %-escapes are kept as written.
 */
function encodeForDigitalLink(value: string): string {
  return value.replace(/[!()*+,:]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function withCheckDigit(digits: string): string {
  return digits + String(gs1CheckDigit(digits));
}

/** True when `gcp` is a 6-12 digit GS1 Company Prefix and `reference` fills the key to `total` digits. */
function splitsTo(gcp: string, reference: string, total: number): boolean {
  return gcp.length >= 6 && gcp.length <= 12 && gcp.length + reference.length === total;
}

/** GTIN-14 from an EPC company prefix and item reference (indicator digit first). */
function gtin14(gcp: string, itemRef: string): string {
  return withCheckDigit(itemRef.slice(0, 1) + gcp + itemRef.slice(1));
}

type Converter = (body: string) => string | null;

function match(body: string, pattern: RegExp): string[] | null {
  const found = pattern.exec(body);
  return found ? found.slice(1).map((group) => group ?? '') : null;
}

const ID_CONVERTERS: Readonly<Record<string, Converter>> = {
  sgtin(body) {
    const [gcp = '', item = '', serial = ''] = match(body, /^(\d+)\.(\d+)\.(.+)$/) ?? [];
    if (!splitsTo(gcp, item, 13) || !cset82(serial, 1, 20)) return null;
    return `${GS1_ID_BASE}/01/${gtin14(gcp, item)}/21/${encodeForDigitalLink(serial)}`;
  },
  sscc(body) {
    const [gcp = '', serialRef = ''] = match(body, /^(\d+)\.(\d+)$/) ?? [];
    if (!splitsTo(gcp, serialRef, 17)) return null;
    return `${GS1_ID_BASE}/00/${withCheckDigit(serialRef.slice(0, 1) + gcp + serialRef.slice(1))}`;
  },
  sgln(body) {
    const [gcp = '', locationRef = '', extension = ''] = match(body, /^(\d+)\.(\d*)\.(.+)$/) ?? [];
    if (!splitsTo(gcp, locationRef, 12) || !cset82(extension, 1, 20)) return null;
    const gln = `${GS1_ID_BASE}/414/${withCheckDigit(gcp + locationRef)}`;
    return extension === '0' ? gln : `${gln}/254/${encodeForDigitalLink(extension)}`;
  },
  grai(body) {
    const [gcp = '', assetType = '', serial = ''] = match(body, /^(\d+)\.(\d*)\.(.+)$/) ?? [];
    if (!splitsTo(gcp, assetType, 12) || !cset82(serial, 1, 16)) return null;
    return `${GS1_ID_BASE}/8003/${withCheckDigit(`0${gcp}${assetType}`)}${encodeForDigitalLink(serial)}`;
  },
  giai(body) {
    const [gcp = '', assetRef = ''] = match(body, /^(\d+)\.(.+)$/) ?? [];
    if (gcp.length < 6 || gcp.length > 12 || !cset82(assetRef, 1, 30 - gcp.length)) return null;
    return `${GS1_ID_BASE}/8004/${gcp}${encodeForDigitalLink(assetRef)}`;
  },
  gsrn(body) {
    const [gcp = '', serviceRef = ''] = match(body, /^(\d+)\.(\d+)$/) ?? [];
    if (!splitsTo(gcp, serviceRef, 17)) return null;
    return `${GS1_ID_BASE}/8018/${withCheckDigit(gcp + serviceRef)}`;
  },
  gsrnp(body) {
    const [gcp = '', serviceRef = ''] = match(body, /^(\d+)\.(\d+)$/) ?? [];
    if (!splitsTo(gcp, serviceRef, 17)) return null;
    return `${GS1_ID_BASE}/8017/${withCheckDigit(gcp + serviceRef)}`;
  },
  gdti(body) {
    const [gcp = '', documentType = '', serial = ''] = match(body, /^(\d+)\.(\d*)\.(.*)$/) ?? [];
    if (!splitsTo(gcp, documentType, 12) || !cset82(serial, 0, 17)) return null;
    return `${GS1_ID_BASE}/253/${withCheckDigit(gcp + documentType)}${encodeForDigitalLink(serial)}`;
  },
  cpi(body) {
    const [gcp = '', partRef = '', serial = ''] = match(body, /^(\d+)\.(.+)\.(\d{1,12})$/) ?? [];
    if (gcp.length < 6 || gcp.length > 12 || !cset39(partRef, 30 - gcp.length)) return null;
    return `${GS1_ID_BASE}/8010/${encodeForDigitalLink(gcp + partRef)}/8011/${serial}`;
  },
  sgcn(body) {
    const [gcp = '', couponRef = '', serial = ''] = match(body, /^(\d+)\.(\d*)\.(\d{1,12})$/) ?? [];
    if (!splitsTo(gcp, couponRef, 12)) return null;
    return `${GS1_ID_BASE}/255/${withCheckDigit(gcp + couponRef)}${serial}`;
  },
  ginc(body) {
    const [gcp = '', consignmentRef = ''] = match(body, /^(\d+)\.(.+)$/) ?? [];
    if (gcp.length < 6 || gcp.length > 12 || !cset82(consignmentRef, 1, 30 - gcp.length)) return null;
    return `${GS1_ID_BASE}/401/${gcp}${encodeForDigitalLink(consignmentRef)}`;
  },
  gsin(body) {
    const [gcp = '', shipperRef = ''] = match(body, /^(\d+)\.(\d+)$/) ?? [];
    if (!splitsTo(gcp, shipperRef, 16)) return null;
    return `${GS1_ID_BASE}/402/${withCheckDigit(gcp + shipperRef)}`;
  },
  itip(body) {
    const [gcp = '', item = '', piece = '', total = '', serial = ''] = match(body, /^(\d+)\.(\d+)\.(\d{2})\.(\d{2})\.(.+)$/) ?? [];
    if (!splitsTo(gcp, item, 13) || !cset82(serial, 1, 20)) return null;
    return `${GS1_ID_BASE}/8006/${gtin14(gcp, item)}${piece}${total}/21/${encodeForDigitalLink(serial)}`;
  },
  upui(body) {
    const [gcp = '', item = '', serial = ''] = match(body, /^(\d+)\.(\d+)\.(.+)$/) ?? [];
    if (!splitsTo(gcp, item, 13) || !cset82(serial, 1, 28)) return null;
    return `${GS1_ID_BASE}/01/${gtin14(gcp, item)}/235/${encodeForDigitalLink(serial)}`;
  },
  pgln(body) {
    const [gcp = '', partyRef = ''] = match(body, /^(\d+)\.(\d*)$/) ?? [];
    if (!splitsTo(gcp, partyRef, 12)) return null;
    return `${GS1_ID_BASE}/417/${withCheckDigit(gcp + partyRef)}`;
  },
};

const CLASS_CONVERTERS: Readonly<Record<string, Converter>> = {
  lgtin(body) {
    const [gcp = '', item = '', lot = ''] = match(body, /^(\d+)\.(\d+)\.(.+)$/) ?? [];
    if (!splitsTo(gcp, item, 13) || !cset82(lot, 1, 20)) return null;
    return `${GS1_ID_BASE}/01/${gtin14(gcp, item)}/10/${encodeForDigitalLink(lot)}`;
  },
};

// ID patterns name a class of objects: the Digital Link keeps the key without the '*' part.
const PATTERN_CONVERTERS: Readonly<Record<string, Converter>> = {
  sgtin(body) {
    const [gcp = '', item = ''] = match(body, /^(\d+)\.(\d+)\.\*$/) ?? [];
    return splitsTo(gcp, item, 13) ? `${GS1_ID_BASE}/01/${gtin14(gcp, item)}` : null;
  },
  grai(body) {
    const [gcp = '', assetType = ''] = match(body, /^(\d+)\.(\d*)\.\*$/) ?? [];
    return splitsTo(gcp, assetType, 12) ? `${GS1_ID_BASE}/8003/${withCheckDigit(`0${gcp}${assetType}`)}` : null;
  },
  gdti(body) {
    const [gcp = '', documentType = ''] = match(body, /^(\d+)\.(\d*)\.\*$/) ?? [];
    return splitsTo(gcp, documentType, 12) ? `${GS1_ID_BASE}/253/${withCheckDigit(gcp + documentType)}` : null;
  },
  sgcn(body) {
    const [gcp = '', couponRef = ''] = match(body, /^(\d+)\.(\d*)\.\*$/) ?? [];
    return splitsTo(gcp, couponRef, 12) ? `${GS1_ID_BASE}/255/${withCheckDigit(gcp + couponRef)}` : null;
  },
  cpi(body) {
    const [gcp = '', partRef = ''] = match(body, /^(\d+)\.(.+)\.\*$/) ?? [];
    if (gcp.length < 6 || gcp.length > 12 || !cset39(partRef, 30 - gcp.length)) return null;
    return `${GS1_ID_BASE}/8010/${encodeForDigitalLink(gcp + partRef)}`;
  },
  itip(body) {
    const [gcp = '', item = '', piece = '', total = ''] = match(body, /^(\d+)\.(\d+)\.(\d{2})\.(\d{2})\.\*$/) ?? [];
    return splitsTo(gcp, item, 13) ? `${GS1_ID_BASE}/8006/${gtin14(gcp, item)}${piece}${total}` : null;
  },
  upui(body) {
    const [gcp = '', item = ''] = match(body, /^(\d+)\.(\d+)\.\*$/) ?? [];
    return splitsTo(gcp, item, 13) ? `${GS1_ID_BASE}/01/${gtin14(gcp, item)}` : null;
  },
};

const URN_FAMILIES: ReadonlyArray<readonly [string, Readonly<Record<string, Converter>>]> = [
  ['urn:epc:id:', ID_CONVERTERS],
  ['urn:epc:class:', CLASS_CONVERTERS],
  ['urn:epc:idpat:', PATTERN_CONVERTERS],
];

/** The Digital Link of an EPC URI, or null when `uri` is not an EPC URI of a GS1 key we know. */
export function epcUriToDigitalLink(uri: string): string | null {
  for (const [prefix, converters] of URN_FAMILIES) {
    if (!uri.startsWith(prefix)) continue;
    const rest = uri.slice(prefix.length);
    const colon = rest.indexOf(':');
    if (colon < 0) return null;
    const converter = Object.hasOwn(converters, rest.slice(0, colon)) ? converters[rest.slice(0, colon)] : undefined;
    return converter ? converter(rest.slice(colon + 1)) : null;
  }
  return null;
}

/**
 * Normalises an EPC URI (`urn:epc:id:sgtin:0614141.107346.2017`, `urn:epc:class:lgtin:...`,
 * `urn:epc:idpat:sgtin:...*`, ...) to its canonical GS1 Digital Link URI
 * (`https://id.gs1.org/01/10614141073464/21/2017`). Anything else, including malformed EPC URIs and
 * Digital Links, is returned unchanged.
 */
export function epcToDigitalLink(uri: string): string {
  return epcUriToDigitalLink(uri) ?? uri;
}

// --- Constrained canonical GS1 Digital Link ---------------------------------------------------

const DL_PRIMARY_KEYS =
  '01|gtin|8006|itip|8010|cpid|414|gln|417|party|8017|gsrnp|8018|gsrn|255|gcn|00|sscc|253|gdti|401|ginc|402|gsin|8003|grai|8004|giai';
// An http(s) URI whose path contains a GS1 primary key segment followed by a value that starts
// with four digits (all GS1 keys start with a GS1 Company Prefix or GTIN digits).
const DL_URI = new RegExp(`^https?:(?://[^/?#]*)?[^?#]*/(?:${DL_PRIMARY_KEYS})/\\d{4}[^/]+`);

const SHORT_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['/gtin/', '/01/'],
  ['/itip/', '/8006/'],
  ['/cpid/', '/8010/'],
  ['/gln/', '/414/'],
  ['/party/', '/417/'],
  ['/gsrnp/', '/8017/'],
  ['/gsrn/', '/8018/'],
  ['/gcn/', '/255/'],
  ['/sscc/', '/00/'],
  ['/gdti/', '/253/'],
  ['/ginc/', '/401/'],
  ['/gsin/', '/402/'],
  ['/grai/', '/8003/'],
  ['/giai/', '/8004/'],
  ['/cpv/', '/22/'],
  ['/lot/', '/10/'],
  ['/ser/', '/21/'],
];

const CANONICAL_PREFIX = /^https:\/\/id\.gs1\.org\/(?:01|8006|8010|414|417|8017|8018|255|00|253|401|402|8003|8004)\/\d{4}[^/]+/;
// Where the GS1 part of a custom-domain Digital Link starts, tried in this order.
const KEY_SEGMENTS = [
  '/00/',
  '/01/',
  '/253/',
  '/255/',
  '/401/',
  '/402/',
  '/414/',
  '/417/',
  '/8003/',
  '/8004/',
  '/8006/',
  '/8010/',
  '/8017/',
  '/8018/',
];

// Characters the reference accepts in serials, lots and other alphanumeric key parts of a
// constrained Digital Link: " ' - . 0-9 ; < = > ? A-Z _ a-z (percent-escapes are not accepted).
const AN = `["'\\-.0-9;-?A-Z_a-z]`;
const ID = 'https:\\/\\/id\\.gs1\\.org';
const CPV_ONLY = new RegExp(`^${ID}\\/(?:8006\\/\\d{18}|01\\/\\d{14})\\/22\\/${AN}{0,20}$`);
const CPV_THEN_MORE = new RegExp(`^${ID}\\/(?:8006\\/\\d{18}|01\\/\\d{14})\\/22\\/[/"'\\-.0-9;-?A-Z_a-z]{0,20}$`);
const LOT_AND_SERIAL = new RegExp(`^${ID}\\/(?:8006\\/\\d{18}|01\\/\\d{14})\\/10\\/${AN}{0,20}\\/21\\/${AN}{0,20}$`);
const CONSTRAINED_FORMS: readonly RegExp[] = [
  `00\\/\\d{18}`,
  `01\\/\\d{14}\\/21\\/${AN}{0,20}`,
  `01\\/\\d{14}\\/10\\/${AN}{0,20}`,
  `01\\/\\d{14}`,
  `01\\/\\d{14}\\/235\\/${AN}{0,28}`,
  `253\\/\\d{13}${AN}{0,17}`,
  `255\\/\\d{13}\\d{0,12}`,
  `401\\/${AN}{0,30}`,
  `402\\/\\d{17}`,
  `414\\/\\d{13}`,
  `414\\/\\d{13}\\/254\\/${AN}{0,20}`,
  `417\\/\\d{13}`,
  `8003\\/\\d{14}${AN}{0,16}`,
  `8004\\/${AN}{0,30}`,
  `8006\\/\\d{18}\\/21\\/${AN}{0,20}`,
  `8006\\/\\d{18}\\/10\\/${AN}{0,20}`,
  `8006\\/\\d{18}`,
  `8010\\/[#\\-/0-9A-Z]{0,30}\\/8011\\/\\d{0,12}`,
  `8010\\/[#\\-/0-9A-Z]{0,30}`,
  `8017\\/\\d{18}`,
  `8018\\/\\d{18}`,
].map((form) => new RegExp(`^${ID}\\/${form}$`));

/**
 * The constrained canonical form of a GS1 Digital Link URI (CBV 2.0 event hash rule 18): the
 * domain replaced by https://id.gs1.org, short key names replaced by AIs, the query string dropped,
 * GTINs padded to 14 digits, the consumer product variant dropped, and a lot dropped when a serial
 * is present. Null when `uri` is not a Digital Link of a GS1 key, or does not fit one of the
 * accepted forms afterwards.
 */
export function constrainDigitalLink(uri: string): string | null {
  if (!DL_URI.test(uri)) return null;
  let link = uri.includes('?') ? uri.slice(0, uri.indexOf('?')) : uri;
  for (const [name, ai] of SHORT_NAMES) link = link.replaceAll(name, ai);

  if (!CANONICAL_PREFIX.test(link)) {
    for (const segment of KEY_SEGMENTS) {
      const at = link.indexOf(segment);
      if (at >= 0) {
        link = GS1_ID_BASE + link.slice(at);
        break;
      }
    }
  }

  if (!/^https:\/\/id\.gs1\.org\/01\/\d{14}/.test(link)) {
    if (/^https:\/\/id\.gs1\.org\/01\/\d{13}/.test(link)) link = link.replaceAll('/01/', '/01/0');
    else if (/^https:\/\/id\.gs1\.org\/01\/\d{12}/.test(link)) link = link.replaceAll('/01/', '/01/00');
    else if (/^https:\/\/id\.gs1\.org\/01\/\d{8}/.test(link)) link = link.replaceAll('/01/', '/01/000000');
  }

  if (CPV_ONLY.test(link)) {
    link = link.slice(0, link.indexOf('/22/'));
  } else if (CPV_THEN_MORE.test(link)) {
    const at = link.indexOf('/22/');
    const afterCpv = link.slice(at + 4);
    link = link.slice(0, at) + afterCpv.slice(afterCpv.indexOf('/'));
  }

  if (LOT_AND_SERIAL.test(link)) {
    const at = link.indexOf('/10/');
    const afterLot = link.slice(at + 4);
    link = link.slice(0, at) + afterLot.slice(afterLot.indexOf('/'));
  }

  return CONSTRAINED_FORMS.some((form) => form.test(link)) ? link : null;
}

/**
 * Canonical forms worked out already, a bounded number: an EPCIS document names the same lots and
 * places over and over, and parsing a Digital Link is most of what checking one costs.
 */
const canonicalForms = new Map<string, string | null>();
const CANONICAL_FORMS_KEPT = 10_000;
const CANONICAL_FORM_LENGTH_KEPT = 200;

/**
 * The canonical identifier the event hash uses for a GS1 key written as an EPC URI or as a GS1
 * Digital Link URI; null when `value` is neither (it is then hashed as written).
 */
export function canonicalGs1Identifier(value: string): string | null {
  let canonical = canonicalForms.get(value);
  if (canonical !== undefined) return canonical;
  if (value.startsWith('urn:epc:')) canonical = epcUriToDigitalLink(value);
  else if (value.startsWith('http:') || value.startsWith('https:')) canonical = constrainDigitalLink(value);
  else canonical = null;
  // Only identifiers of a sane length are kept: a scanner's URL is attacker-chosen, and the map must stay small.
  if (value.length > CANONICAL_FORM_LENGTH_KEPT) return canonical;
  if (canonicalForms.size >= CANONICAL_FORMS_KEPT) canonicalForms.clear();
  canonicalForms.set(value, canonical);
  return canonical;
}

/** The GS1 keys of a canonical Digital Link whose last digit is a check digit: GTIN, SSCC, GLN of a place or a party. */
const CHECKED_KEY = /^https:\/\/id\.gs1\.org\/(?:01\/(\d{14})|00\/(\d{18})|41[47]\/(\d{13}))(?:\/|$)/;

/**
 * What is wrong with a GS1 key as an event writes it, or null: an EPC URI of a GS1 scheme whose
 * parts do not make the key (`epc_uri`: a company prefix and reference of the wrong lengths, a
 * character outside the scheme's set), or a Digital Link whose key has a wrong check digit
 * (`check_digit`). Other EPC schemes and other URIs are not GS1 keys, and pass.
 */
export function gs1IdentifierProblem(value: string): 'epc_uri' | 'check_digit' | null {
  for (const [prefix, converters] of URN_FAMILIES) {
    if (!value.startsWith(prefix)) continue;
    const rest = value.slice(prefix.length);
    const scheme = rest.slice(0, rest.indexOf(':'));
    return Object.hasOwn(converters, scheme) && epcUriToDigitalLink(value) === null ? 'epc_uri' : null;
  }
  if (!value.startsWith('http:') && !value.startsWith('https:')) return null;
  const key = CHECKED_KEY.exec(canonicalGs1Identifier(value) ?? '');
  const digits = key?.[1] ?? key?.[2] ?? key?.[3];
  return digits !== undefined && !hasValidCheckDigit(digits) ? 'check_digit' : null;
}
