import { gs1CheckDigit } from './check-digit.js';
import { parseGtin } from './gtin.js';
import { isCset82, LOT_CODE_MAX_LENGTH } from './lot-code.js';

/**
 * GS1 Digital Link 1.2 for the product keys the portal uses: GTIN (AI 01) with the key qualifiers
 * consumer product variant (22), lot (10) and serial (21), in that order, and the expiry date (17)
 * as a data attribute in the query string. Other primary keys (SSCC, GLN, ...) are out of scope:
 * the resolver only answers for products.
 */
export interface DigitalLinkKey {
  gtin14: string;
  /** AI 22, consumer product variant: rarely used, kept so a parsed link never loses a qualifier. */
  cpv?: string;
  lot?: string;
  serial?: string;
}

export type DigitalLinkProblem = 'syntax' | 'check_digit';

export type DigitalLinkParse =
  | {
      ok: true;
      gtin14: string;
      cpv?: string;
      lot?: string;
      serial?: string;
      /** YYMMDD from ?17= */
      expiry?: string;
      /** Every query parameter, percent-decoded ('+' read as a space), first occurrence wins. */
      query: Record<string, string>;
    }
  | { ok: false; problem: DigitalLinkProblem; message: string };

export const DEFAULT_DIGITAL_LINK_BASE = 'https://id.gs1.org';

type QualifierField = 'cpv' | 'lot' | 'serial';

// The order here is the order GS1 DL requires in the path (22 before 10 before 21).
const QUALIFIERS: ReadonlyArray<{ ai: string; field: QualifierField; label: string; maxLength: number }> = [
  { ai: '22', field: 'cpv', label: 'consumer product variant (AI 22)', maxLength: 20 },
  { ai: '10', field: 'lot', label: 'lot (AI 10)', maxLength: LOT_CODE_MAX_LENGTH },
  { ai: '21', field: 'serial', label: 'serial (AI 21)', maxLength: 20 },
];

// Key and key qualifiers identify the thing, so they must be in the path; a query-string copy
// would be a second, possibly contradicting, identity (GS1 DL 1.2 §4.2). 235 is a qualifier we
// do not support, listed so it cannot slip through as a plain attribute either.
const PATH_ONLY_AIS: ReadonlySet<string> = new Set(['01', '22', '10', '21', '235']);

// RFC 3986 characters (unreserved, reserved and '%'); anything else must arrive percent-encoded.
const URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHAR = /[\u0000-\u001f\u007f]/;

type Failure = Extract<DigitalLinkParse, { ok: false }>;

function syntaxError(message: string): Failure {
  return { ok: false, problem: 'syntax', message };
}

/** Decodes percent-escapes; null when an escape is malformed or not UTF-8. */
function percentDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * Percent-encodes everything outside RFC 3986 unreserved characters, as GS1 DL 1.2 asks for path
 * values. encodeURIComponent alone leaves !'()* as they are, so those are escaped on top.
 */
export function encodeDigitalLinkValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** YYMMDD as GS1 dates are written; DD may be 00 ("end of the month", GS1 General Specifications §3.4). */
export function isValidGs1Date(yymmdd: string): boolean {
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(yymmdd);
  if (!match) return false;
  const year = 2000 + Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return false;
  // Day 0 of the next month is the last day of this one; the century does not change leap years
  // in 2000-2099, the only window a two-digit year can mean for a product made today.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** '2026-12-31' (or a full ISO timestamp starting with a date) -> '261231'. */
export function formatGs1Date(isoDate: string): string {
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})(?:$|T)/.exec(isoDate);
  const yymmdd = match ? `${match[1]}${match[2]}${match[3]}` : '';
  if (!isValidGs1Date(yymmdd) || yymmdd.endsWith('00')) {
    throw new RangeError(`formatGs1Date expects an ISO date like 2026-12-31, got "${isoDate}"`);
  }
  return yymmdd;
}

/**
 * Finds the /01/ segment that starts the Digital Link part of the path. Like GS1's own parser, it
 * walks /AI/value pairs back from the end, so a resolver living under a sub-path (or a lot that
 * happens to be "01") cannot be mistaken for the key. Returns -1 when there is no such pair.
 */
function findGtinSegment(segments: readonly string[]): number {
  for (let i = segments.length - 2; i >= 0; i -= 2) {
    const ai = segments[i] ?? '';
    if (ai === '01') return i;
    if (!/^\d{2,4}$/.test(ai)) break;
  }
  // No well-formed chain of pairs: start at the last "01" anyway, so the error names the
  // real defect (a missing value, an empty segment) rather than "no GTIN".
  return segments.lastIndexOf('01');
}

// Other Digital Link primary keys, named in the error so that a scanned pallet (SSCC) or location
// (GLN) label gets a message saying what it is rather than "bad syntax".
export const OTHER_PRIMARY_KEYS: ReadonlyMap<string, string> = new Map([
  ['00', 'SSCC'],
  ['253', 'GDTI'],
  ['255', 'GCN'],
  ['401', 'GINC'],
  ['402', 'GSIN'],
  ['414', 'GLN'],
  ['417', 'party GLN'],
  ['8003', 'GRAI'],
  ['8004', 'GIAI'],
  ['8006', 'ITIP'],
  ['8010', 'CPID'],
  ['8013', 'GMN'],
  ['8017', 'GSRN-P'],
  ['8018', 'GSRN'],
]);

function noGtinMessage(segments: readonly string[]): string {
  const otherKey = segments.find((segment) => OTHER_PRIMARY_KEYS.has(segment));
  if (otherKey !== undefined) {
    const name = OTHER_PRIMARY_KEYS.get(otherKey) ?? '';
    return `The link's key is AI ${otherKey} (${name}), not a product GTIN: only /01/{GTIN} links are supported.`;
  }
  if (segments.includes('gtin')) {
    // Convenience alphas (/gtin/...) are deprecated by GS1 Digital Link; our labels never use them.
    return 'The path uses the convenience alpha /gtin/; only the numeric form /01/{GTIN} is supported.';
  }
  return 'The path has no /01/{GTIN}: only GTIN (product) Digital Links are supported.';
}

function parseQuery(rawQuery: string): Failure | Map<string, string> {
  const query = new Map<string, string>();
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    // '+' means a space in a query string (HTML forms, GS1's parser and URLSearchParams agree).
    const key = percentDecode((eq >= 0 ? part.slice(0, eq) : part).replace(/\+/g, ' '));
    const value = percentDecode((eq >= 0 ? part.slice(eq + 1) : '').replace(/\+/g, ' '));
    if (key === null || value === null) {
      return syntaxError(`The query parameter "${part}" has a malformed percent-encoding.`);
    }
    if (CONTROL_CHAR.test(key) || CONTROL_CHAR.test(value)) {
      return syntaxError(`The query parameter "${part}" contains a control character.`);
    }
    if (/^\d+$/.test(key)) {
      if (PATH_ONLY_AIS.has(key)) {
        return syntaxError(`AI ${key} identifies the item and belongs in the path, not in the query string.`);
      }
      if (query.has(key)) return syntaxError(`AI ${key} appears twice in the query string.`);
    }
    if (!query.has(key)) query.set(key, value);
  }
  return query;
}

/**
 * Parses a Digital Link URI or just its path ("/01/…/10/…"), leniently: GTIN-8/12/13/14 in the
 * path (normalised to 14), percent-decoded values, a trailing slash tolerated, path prefix before
 * /01/ tolerated (a resolver may live under a sub-path). Rejects: qualifiers out of order (10 must
 * come before 21), unknown path AIs after 01, values over their GS1 length (lot 20, serial 20) or
 * outside the AI 82 char set, bad check digit (problem 'check_digit').
 *
 * The path must be given raw (still percent-encoded): decoding first would turn an encoded '/'
 * inside a lot into a segment separator.
 */
export function parseDigitalLink(uriOrPath: string): DigitalLinkParse {
  const input = uriOrPath.trim();
  if (input === '') return syntaxError('The link is empty.');
  if (!URI_CHARS.test(input)) {
    const bad = [...input].find((char) => !URI_CHARS.test(char)) ?? '';
    return syntaxError(`The link contains "${bad}", which is not allowed in a URI unless percent-encoded.`);
  }

  let afterAuthority: string;
  if (input.startsWith('/')) {
    afterAuthority = input;
  } else {
    const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/.exec(input);
    if (!match) return syntaxError('Expected an http(s):// URI or a path starting with "/".');
    const [, scheme = '', authority = '', rest = ''] = match;
    // Schemes are case-insensitive (RFC 3986 §3.1), so HTTPS:// and HtTpS:// are both fine.
    if (!/^https?$/i.test(scheme)) {
      return syntaxError(`The scheme "${scheme}" is not supported; a Digital Link uses http or https.`);
    }
    if (!/^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::\d*)?$/.test(authority)) {
      return syntaxError('The URI has no valid host name.');
    }
    afterAuthority = rest;
  }

  const hashAt = afterAuthority.indexOf('#');
  const withoutFragment = hashAt >= 0 ? afterAuthority.slice(0, hashAt) : afterAuthority;
  const queryAt = withoutFragment.indexOf('?');
  const rawPath = queryAt >= 0 ? withoutFragment.slice(0, queryAt) : withoutFragment;
  const rawQuery = queryAt >= 0 ? withoutFragment.slice(queryAt + 1) : '';

  const segments = rawPath === '' ? [] : rawPath.split('/').slice(1);
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop(); // one trailing slash

  const gtinAt = findGtinSegment(segments);
  if (gtinAt < 0) return syntaxError(noGtinMessage(segments));
  const [rawGtin, ...pairs] = segments.slice(gtinAt + 1);
  if (rawGtin === undefined || rawGtin === '') return syntaxError('AI 01 in the path has no GTIN after it.');
  const gtinDigits = percentDecode(rawGtin);
  if (gtinDigits === null || !/^(?:\d{8}|\d{12,14})$/.test(gtinDigits)) {
    return syntaxError(`The GTIN "${rawGtin}" must be 8, 12, 13 or 14 digits.`);
  }

  const qualifiers: Partial<Record<QualifierField, string>> = {};
  let previous = -1;
  for (let i = 0; i < pairs.length; i += 2) {
    const ai = pairs[i] ?? '';
    const rawValue = pairs[i + 1];
    if (ai === '') return syntaxError('The path has an empty segment ("//").');
    const position = QUALIFIERS.findIndex((q) => q.ai === ai);
    const qualifier = QUALIFIERS[position];
    if (!qualifier) {
      return syntaxError(
        ai === '01'
          ? 'AI 01 appears twice in the path.'
          : `AI ${ai} is not supported in the path after /01/{GTIN}; only 22, 10 and 21 are, in that order.`,
      );
    }
    if (position === previous) return syntaxError(`AI ${ai} appears twice in the path.`);
    if (position < previous) {
      const before = QUALIFIERS[previous]?.ai ?? '';
      return syntaxError(`AI ${ai} must come before AI ${before} in the path (the order is 22, 10, 21).`);
    }
    previous = position;
    if (rawValue === undefined || rawValue === '') return syntaxError(`AI ${ai} in the path has no value.`);
    const value = percentDecode(rawValue);
    if (value === null) return syntaxError(`The ${qualifier.label} "${rawValue}" has a malformed percent-encoding.`);
    if (value.length > qualifier.maxLength) {
      return syntaxError(`The ${qualifier.label} is longer than ${qualifier.maxLength} characters.`);
    }
    if (!isCset82(value)) {
      return syntaxError(
        `The ${qualifier.label} "${value}" has characters outside GS1 character set 82 (letters, digits, !"%&'()*+,-./:;<=>?_).`,
      );
    }
    qualifiers[qualifier.field] = value;
  }

  const query = parseQuery(rawQuery);
  if (!(query instanceof Map)) return query;
  const expiry = query.get('17');
  if (expiry !== undefined && !isValidGs1Date(expiry)) {
    return syntaxError(`The expiry date (AI 17) "${expiry}" must be a date written YYMMDD.`);
  }

  // Checked last, so a link that is wrong in several ways reports its syntax first.
  const gtin = parseGtin(gtinDigits);
  if (!gtin.ok) {
    const expected = gs1CheckDigit(gtinDigits.slice(0, -1));
    return {
      ok: false,
      problem: 'check_digit',
      message: `The GTIN ${gtinDigits} has a wrong check digit: the last digit should be ${expected}.`,
    };
  }

  return {
    ok: true,
    gtin14: gtin.gtin14,
    ...qualifiers,
    ...(expiry !== undefined && { expiry }),
    // fromEntries defines own properties, so a "__proto__" parameter stays a plain key.
    query: Object.fromEntries(query),
  };
}

/**
 * Builds `${base}/01/{gtin14}[/22/{cpv}][/10/{lot}][/21/{serial}][?17=YYMMDD]`: GTIN always 14
 * digits, path values percent-encoded per GS1 DL 1.2 (everything outside unreserved characters;
 * e.g. '/' -> %2F, '%' -> %25), no trailing slash; base has any trailing slash removed; base
 * defaults to https://id.gs1.org. Throws RangeError on a key that could not be resolved back,
 * since printing such a link on thousands of labels is worse than failing now.
 */
export function buildDigitalLink(key: DigitalLinkKey & { expiry?: string }, base: string = DEFAULT_DIGITAL_LINK_BASE): string {
  const gtin = parseGtin(key.gtin14);
  if (!gtin.ok) throw new RangeError(`buildDigitalLink: "${key.gtin14}" is not a valid GTIN (${gtin.problem}).`);
  let uri = `${base.replace(/\/+$/, '')}/01/${gtin.gtin14}`;
  for (const qualifier of QUALIFIERS) {
    const value = key[qualifier.field];
    if (value === undefined) continue;
    if (value === '' || value.length > qualifier.maxLength || !isCset82(value)) {
      throw new RangeError(`buildDigitalLink: "${value}" is not a valid ${qualifier.label}.`);
    }
    uri += `/${qualifier.ai}/${encodeDigitalLinkValue(value)}`;
  }
  if (key.expiry !== undefined) {
    if (!isValidGs1Date(key.expiry)) {
      throw new RangeError(`buildDigitalLink: expiry "${key.expiry}" must be YYMMDD (see formatGs1Date).`);
    }
    uri += `?17=${key.expiry}`;
  }
  return uri;
}

// EPC URNs (GS1 EPC Tag Data Standard §6.3.1 SGTIN, §6.3.2 LGTIN): company prefix and
// indicator + item reference together are 13 digits; the GTIN's check digit is not in the URN.
function gtinFromEpcParts(companyPrefix: string, indicatorAndItemRef: string): string | null {
  if (companyPrefix.length < 6 || companyPrefix.length > 12) return null;
  if (companyPrefix.length + indicatorAndItemRef.length !== 13) return null;
  const withoutCheck = `${indicatorAndItemRef.slice(0, 1)}${companyPrefix}${indicatorAndItemRef.slice(1)}`;
  return `${withoutCheck}${gs1CheckDigit(withoutCheck)}`;
}

// The URN escapes characters such as / % & ? with %XX (TDS "GS3A3" component); decoded, the value
// must be a valid AI 10 / AI 21 value. Unescaped characters are accepted as long as they are valid.
function epcComponent(raw: string): string | null {
  const value = percentDecode(raw);
  if (value === null || value === '' || value.length > 20 || !isCset82(value)) return null;
  return value;
}

/** urn:epc:class:lgtin:4012345.012345.998877 -> { gtin14: '04012345123456', lot: '998877' }; null if not one. */
export function lgtinUrnToKey(urn: string): { gtin14: string; lot: string } | null {
  const match = /^urn:epc:class:lgtin:(\d+)\.(\d+)\.(.+)$/i.exec(urn.trim());
  if (!match) return null;
  const gtin14 = gtinFromEpcParts(match[1] ?? '', match[2] ?? '');
  const lot = epcComponent(match[3] ?? '');
  return gtin14 !== null && lot !== null ? { gtin14, lot } : null;
}

/** urn:epc:id:sgtin:0614141.112345.400 -> { gtin14: '10614141123459', serial: '400' }; null if not one. */
export function sgtinUrnToKey(urn: string): { gtin14: string; serial: string } | null {
  const match = /^urn:epc:id:sgtin:(\d+)\.(\d+)\.(.+)$/i.exec(urn.trim());
  if (!match) return null;
  const gtin14 = gtinFromEpcParts(match[1] ?? '', match[2] ?? '');
  const serial = epcComponent(match[3] ?? '');
  return gtin14 !== null && serial !== null ? { gtin14, serial } : null;
}
