import { parseCompressedDigitalLink } from './compressed-digital-link.js';
import { buildDigitalLink, lgtinUrnToKey, parseDigitalLink, type DigitalLinkKey, type DigitalLinkParse } from './digital-link.js';
import { parseGtin } from './gtin.js';
import { lotCodeProblem } from './lot-code.js';

/**
 * Turns what a consumer typed or scanned into what to ask: the resolver path (GS1 Digital Link
 * 1.2) for a full Digital Link URL on any host (another brand's resolver too), compressed or not, a
 * bare path `/01/…/10/…`, an element string `(01)…(10)…` (or the raw form a GS1 barcode reader yields), an
 * EPC `urn:epc:class:lgtin:…`, a plain GTIN (an EAN-13 barcode: the product), a GTIN with a lot
 * typed in two fields, or the portal's short code (`/q/{code}`); a lot code typed alone, to look
 * up among the lots of verified businesses; or a web address that is no traceability code, to
 * show as such. Syntax and check digits are checked here, so the answer is immediate and uses
 * the resolver's own error codes; the resolver checks again.
 */

export interface CodeInput {
  /** The one free-text field: URL, path, element string, GTIN or short code. */
  code: string;
  /** The optional separate GTIN and lot fields. */
  gtin: string;
  lot: string;
}

export type CodeInputError = 'EMPTY' | 'INVALID_IDENTIFIER' | 'INVALID_CHECK_DIGIT';

export type ParsedCode =
  /** Ask the resolver; `lot`: if it knows no such short code, look the text up as a lot code. */
  | { ok: true; kind: 'resolver'; path: string; lot?: string }
  | { ok: true; kind: 'lot'; lot: string }
  /** A web address that is not a traceability code: shown, never opened without the person's choice. */
  | { ok: true; kind: 'web-address'; url: string }
  | { ok: false; error: CodeInputError };

const SHORT_CODE = /^[A-Za-z0-9]{4,32}$/;
/** GS1 AIs with a fixed length of six digits (dates) that may sit between (01) and (10). */
const DATE_AIS = new Set(['11', '12', '13', '15', '16', '17']);
const GROUP_SEPARATOR = '\u001d';

const invalid: ParsedCode = { ok: false, error: 'INVALID_IDENTIFIER' };

/** The resolver path for a GTIN (any length, checked) with an optional lot and serial. */
function fromKey(gtinText: string, lot?: string, serial?: string): ParsedCode {
  const gtin = parseGtin(gtinText);
  if (!gtin.ok) return { ok: false, error: gtin.problem === 'check_digit' ? 'INVALID_CHECK_DIGIT' : 'INVALID_IDENTIFIER' };
  if (lot !== undefined && lotCodeProblem(lot) !== null) return invalid;
  const key: DigitalLinkKey = { gtin14: gtin.gtin14 };
  if (lot) key.lot = lot;
  if (lot && serial) key.serial = serial;
  try {
    // An empty base gives just the path: /01/{gtin14}/10/{lot}, values percent-encoded.
    return { ok: true, kind: 'resolver', path: buildDigitalLink(key, '') };
  } catch {
    return invalid;
  }
}

type ResolverPath = Extract<ParsedCode, { kind: 'resolver' }>;

/** The portal's short code (the resolver reads it case-insensitively); null if the text cannot be one. */
function fromShortCode(code: string): ResolverPath | null {
  if (!SHORT_CODE.test(code) || /^\d+$/.test(code)) return null;
  return { ok: true, kind: 'resolver', path: `/q/${code.toUpperCase()}` };
}

/** Text typed alone: a short code, else (or if the resolver knows no such code) a lot code. */
function fromShortCodeOrLot(code: string): ParsedCode {
  const isLot = lotCodeProblem(code) === null;
  const short = fromShortCode(code);
  if (short) return isLot ? { ...short, lot: code } : short;
  return isLot ? { ok: true, kind: 'lot', lot: code } : invalid;
}

/**
 * A URL or a path: the portal's short link, or a Digital Link (any host, any path prefix). Any
 * other web address is another system's QR code: named as such, not refused as a broken code.
 */
function fromLink(link: string): ParsedCode {
  const withoutQuery = link.split(/[?#]/)[0] ?? '';
  const shortLink = /\/q\/([^/]+)\/?$/.exec(withoutQuery);
  if (shortLink?.[1]) return fromShortCode(decodeURIComponentSafe(shortLink[1])) ?? invalid;

  const parsed = parseDigitalLink(link);
  if (parsed.ok) return fromParsedLink(parsed);
  if (parsed.problem === 'check_digit') return { ok: false, error: 'INVALID_CHECK_DIGIT' };
  const compressed = fromCompressedLink(link);
  if (compressed) return compressed;
  const isWebAddress = /^https?:\/\/[^/?#\s]+/i.test(link) && !/\/01\//.test(withoutQuery);
  return isWebAddress ? { ok: true, kind: 'web-address', url: link } : invalid;
}

function fromParsedLink(parsed: Extract<DigitalLinkParse, { ok: true }>): ParsedCode {
  const key: DigitalLinkKey = { gtin14: parsed.gtin14 };
  if (parsed.cpv) key.cpv = parsed.cpv;
  if (parsed.lot) key.lot = parsed.lot;
  if (parsed.serial) key.serial = parsed.serial;
  return { ok: true, kind: 'resolver', path: buildDigitalLink(key, '') };
}

/**
 * A compressed Digital Link (its last path segment a base64url bit stream). Null when the link
 * does not decode as one, or holds an AI not read here: it is then treated as any other address.
 * A link that decodes in full is a code, so a wrong check digit or another key (an SSCC, a GLN)
 * is refused as such rather than shown as a web address.
 */
function fromCompressedLink(link: string): ParsedCode | null {
  const parsed = parseCompressedDigitalLink(link);
  if (parsed.ok) return fromParsedLink(parsed);
  if (parsed.problem === 'check_digit') return { ok: false, error: 'INVALID_CHECK_DIGIT' };
  if (parsed.problem === 'not_gtin') return invalid;
  return null;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `(01)08935001234567(17)261231(10)LOT-1`. */
function fromBracketedElementString(text: string): ParsedCode {
  const compact = text.replace(/\s+/g, '');
  const fields = new Map<string, string>();
  const pattern = /\((\d{2,4})\)([^(]*)/y;
  let consumed = 0;
  for (let match = pattern.exec(compact); match !== null; match = pattern.exec(compact)) {
    fields.set(match[1] ?? '', match[2] ?? '');
    consumed = pattern.lastIndex;
  }
  const gtin = fields.get('01');
  if (consumed !== compact.length || gtin === undefined) return invalid;
  return fromKey(gtin, fields.get('10'), fields.get('21'));
}

/** The unbracketed form from a GS1 DataMatrix / GS1-128 reader: `01…17…10…<GS>21…`; null if not one. */
function fromRawElementString(text: string): ParsedCode | null {
  const raw = text.replace(/^\](d2|C1|e0|Q3)/, '');
  const head = /^01(\d{14})/.exec(raw);
  if (!head?.[1]) return null;
  const fields = new Map<string, string>();
  let rest = raw.slice(16);
  while (rest.length > 0) {
    if (rest.startsWith(GROUP_SEPARATOR)) {
      rest = rest.slice(1);
      continue;
    }
    const ai = rest.slice(0, 2);
    if (DATE_AIS.has(ai) && /^\d{6}/.test(rest.slice(2))) {
      rest = rest.slice(8);
    } else if (ai === '10' || ai === '21') {
      const end = rest.indexOf(GROUP_SEPARATOR, 2);
      fields.set(ai, end === -1 ? rest.slice(2) : rest.slice(2, end));
      rest = end === -1 ? '' : rest.slice(end + 1);
    } else {
      return null;
    }
  }
  return fromKey(head[1], fields.get('10'), fields.get('21'));
}

function fromCode(code: string, lot: string): ParsedCode {
  if (/^https?:\/\//i.test(code) || code.startsWith('/')) return fromLink(code);
  // A URL copied without its scheme: nguon.vn/01/…
  if (/^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?\//i.test(code)) return fromLink(`https://${code}`);
  if (code.startsWith('(')) return fromBracketedElementString(code);

  const urn = lgtinUrnToKey(code);
  if (urn) return fromKey(urn.gtin14, urn.lot);
  if (/^urn:/i.test(code)) return invalid;

  // Digits only: a GTIN (with the lot from its own field, if given), else a raw element string.
  const digits = code.replace(/ +/g, '');
  if (/^\d+$/.test(digits) && [8, 12, 13, 14].includes(digits.length)) return fromKey(digits, lot || undefined);
  return fromRawElementString(code) ?? fromShortCodeOrLot(code);
}

export function readConsumerCode(input: CodeInput): ParsedCode {
  const code = input.code.trim();
  const lot = input.lot.trim();
  if (code) return fromCode(code, lot);

  const gtin = input.gtin.trim();
  if (!gtin) return { ok: false, error: 'EMPTY' };
  return fromKey(gtin, lot || undefined);
}
