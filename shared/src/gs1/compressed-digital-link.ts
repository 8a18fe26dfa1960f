import {
  encodeDigitalLinkValue,
  OTHER_PRIMARY_KEYS,
  parseDigitalLink,
  type DigitalLinkParse,
  type DigitalLinkProblem,
} from './digital-link.js';

/**
 * Compressed GS1 Digital Link (GS1 Digital Link 1.2, compression section): the path after the host
 * (and any path prefix) is one URI-safe base64 string whose bits hold AI codes and their values,
 * e.g. https://id.gs1.org/AQnYUc1gmiCNV4JG for /01/05412345000013/10/ABC123. A partially
 * compressed link keeps the key uncompressed: /01/05412345000013/EEarwSM.
 *
 * Only what a product (GTIN) link needs is decoded: the key 01, its qualifiers 22, 10, 21, the
 * usual data attributes (dates, trade measures, counts, prices, company-internal data) and
 * compressed non-GS1 key=value pairs; the other primary keys (SSCC, GLN, ...) are read far enough
 * to say what the link is. Any other AI stops the decoding with 'unsupported': its layout in the
 * bit stream is unknown here, and guessing would misread everything after it.
 *
 * Algorithm learnt from GS1's reference code (github.com/gs1/GS1DigitalLinkCompressionPrototype);
 * unlike it, numeric values keep their leading zeros (its decoder turns a lot "0012" into "12").
 */

export type CompressedDigitalLinkProblem = DigitalLinkProblem | 'unsupported' | 'not_gtin';

export type CompressedDigitalLinkParse =
  Extract<DigitalLinkParse, { ok: true }> | { ok: false; problem: CompressedDigitalLinkProblem; message: string };

type Failure = Extract<CompressedDigitalLinkParse, { ok: false }>;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX_UPPER = '0123456789ABCDEF';

/** One part of an AI's value: numeric (N) or alphanumeric (X), of fixed length or up to a maximum. */
interface Component {
  kind: 'N' | 'X';
  fixed?: number;
  max?: number;
}

const n = (fixed: number): Component => ({ kind: 'N', fixed });
const nUpTo = (max: number): Component => ({ kind: 'N', max });
const xUpTo = (max: number): Component => ({ kind: 'X', max });

/** AI formats from the GS1 General Specifications, for the AIs this decoder reads. */
function layoutOf(ai: string): Component[] | undefined {
  if (ai === '01') return [n(14)];
  if (ai === '10' || ai === '21' || ai === '22') return [xUpTo(20)];
  if (['11', '12', '13', '15', '16', '17'].includes(ai)) return [n(6)]; // dates YYMMDD
  if (ai === '7003') return [n(10)]; // expiry date and time YYMMDDhhmm
  if (ai === '30' || ai === '37') return [nUpTo(8)]; // variable count
  // Trade and logistic measures, 6 digits with the decimal point's place in the AI's last digit.
  if (/^(?:31[0-6]|32\d|33[0-7]|3[45]\d|36\d)[0-5]$/.test(ai) && !/^35[89]/.test(ai)) return [n(6)];
  if (/^392\d$/.test(ai)) return [nUpTo(15)]; // amount payable, one currency area
  if (ai === '90') return [xUpTo(30)];
  if (/^9[1-9]$/.test(ai)) return [xUpTo(90)]; // company internal information
  return OTHER_KEY_LAYOUTS.get(ai);
}

// Other primary keys and the AIs that come with them, read only so that a link built on one is
// known to be whole before it is called "not a product link" (a web address whose last segment
// happens to start with the bits of AI 00 is not an SSCC).
const OTHER_KEY_LAYOUTS: ReadonlyMap<string, Component[]> = new Map([
  ['00', [n(18)]],
  ['253', [n(13), xUpTo(17)]],
  ['255', [n(13), nUpTo(12)]],
  ['401', [xUpTo(30)]],
  ['402', [n(17)]],
  ['414', [n(13)]],
  ['417', [n(13)]],
  ['8003', [n(14), xUpTo(16)]],
  ['8004', [xUpTo(30)]],
  ['8006', [n(18)]],
  ['8010', [xUpTo(30)]],
  ['8013', [xUpTo(30)]],
  ['8017', [n(18)]],
  ['8018', [n(18)]],
  // Companions in the optimisation codes of those keys: GLN extension, CPID serial, service
  // relation instance, amounts payable and percentage discount of a coupon.
  ['254', [xUpTo(20)]],
  ['8011', [nUpTo(12)]],
  ['8019', [nUpTo(10)]],
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d): [string, Component[]] => [`390${d}`, [nUpTo(15)]]),
  ...[0, 1, 2, 3].map((d): [string, Component[]] => [`394${d}`, [n(4)]]),
]);

const isCompanionOfOtherKey = (ai: string): boolean => OTHER_KEY_LAYOUTS.has(ai) && !OTHER_PRIMARY_KEYS.has(ai);

// The length of an AI follows from its first two digits (GS1 General Specifications, table of
// AI prefixes); prefixes absent here are unassigned.
const TWO_DIGIT_AIS = /^(?:0[0-2]|1[0-35-7]|2[0-2]|30|37|9\d)$/;
const THREE_DIGIT_AIS = /^(?:2[3-5]|4[0-2]|71)$/;
const FOUR_DIGIT_AIS = /^(?:3[1-69]|43|7[02]|8[0-2])$/;

function aiLength(prefix: string): number | undefined {
  if (TWO_DIGIT_AIS.test(prefix)) return 2;
  if (THREE_DIGIT_AIS.test(prefix)) return 3;
  if (FOUR_DIGIT_AIS.test(prefix)) return 4;
  return undefined;
}

// Optimisation codes: one 8-bit hex code that stands for a sequence of AIs (GS1 DL 1.2 table of
// optimisations).
const OPTIMISATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['0A', ['01', '22']],
  ['0B', ['01', '10']],
  ['0C', ['01', '21']],
  ['0D', ['01', '17']],
  ['0E', ['01', '7003']],
  ['0F', ['01', '30']],
  ['1A', ['01', '10', '21', '17']],
  ['1B', ['01', '15']],
  ['1C', ['01', '11']],
  ['1D', ['01', '16']],
  ['1E', ['01', '91']],
  ['1F', ['01', '10', '15']],
  ...[0, 1, 2, 3, 4, 5].map((d): [string, string[]] => [`2${'ABCDEF'[d]}`, ['01', `310${d}`]]),
  ...[0, 1, 2, 3, 4, 5].map((d): [string, string[]] => [`3${'ABCDEF'[d]}`, ['01', `320${d}`]]),
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d): [string, string[]] => [`A${d}`, ['01', `392${d}`]]),
  ['9A', ['8010', '8011']],
  ['9B', ['8017', '8019']],
  ['9C', ['8018', '8019']],
  ['9D', ['414', '254']],
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d): [string, string[]] => [`C${d}`, ['255', `390${d}`]]),
  ...[0, 1, 2, 3].map((d): [string, string[]] => [`C${'ABCD'[d]}`, ['255', `394${d}`]]),
]);

// Key qualifiers of a GTIN, in the order a path lists them.
const QUALIFIER_AIS = ['22', '10', '21'] as const;

function fail(problem: CompressedDigitalLinkProblem, message: string): Failure {
  return { ok: false, problem, message };
}

function notGtin(ai: string): Failure {
  const name = OTHER_PRIMARY_KEYS.get(ai) ?? '';
  return fail('not_gtin', `The compressed link's key is AI ${ai} (${name}), not a product GTIN.`);
}

class Truncated extends Error {}

/** Reads the bit stream left to right; throws Truncated past its end. */
class BitReader {
  private cursor = 0;
  constructor(private readonly bits: string) {}

  get remaining(): number {
    return this.bits.length - this.cursor;
  }

  read(count: number): bigint {
    if (count > this.remaining) throw new Truncated();
    const chunk = this.bits.slice(this.cursor, this.cursor + count);
    this.cursor += count;
    return count === 0 ? 0n : BigInt(`0b${chunk}`);
  }

  readNumber(count: number): number {
    return Number(this.read(count));
  }

  unread(count: number): void {
    this.cursor -= count;
  }

  /** The rest of the stream, read without moving: only zero padding may follow the last value. */
  rest(): string {
    return this.bits.slice(this.cursor);
  }
}

// Bits for an n-digit number and for a length up to max, as the standard's tables give them
// (its reference implementation adds 0.01 before rounding up, which matters for some n).
const numericBits = (digits: number): number => Math.ceil(digits * Math.log2(10) + 0.01);
const lengthBits = (max: number): number => max.toString(2).length;

type Decoded = { ok: true; value: string } | Failure;

function readDigits(reader: BitReader, digits: number, what: string): Decoded {
  const value = reader.read(numericBits(digits));
  if (value >= 10n ** BigInt(digits)) return fail('syntax', `The value of ${what} does not fit in ${digits} digits.`);
  // Leading zeros are part of the value (a lot "0012" is not "12").
  return { ok: true, value: value.toString().padStart(digits, '0') };
}

/**
 * An alphanumeric value: 3 bits of encoding, the length (unless fixed), then the characters.
 * `minLength` is 0 for the optional second part of an AI (a GDTI without its serial).
 */
function readCharacters(reader: BitReader, component: Component, what: string, minLength: number): Decoded {
  const encoding = reader.readNumber(3);
  const length = component.fixed ?? readLength(reader, component.max ?? 0, minLength);
  if (length === null) return fail('syntax', `The value of ${what} has a length out of range.`);
  const chars = (bitsPerChar: number, alphabet: (index: number) => string): string =>
    Array.from({ length }, () => alphabet(reader.readNumber(bitsPerChar))).join('');
  switch (encoding) {
    case 0:
      return readDigits(reader, length, what);
    case 1:
      return { ok: true, value: chars(4, (i) => HEX_UPPER.charAt(i).toLowerCase()) };
    case 2:
      return { ok: true, value: chars(4, (i) => HEX_UPPER.charAt(i)) };
    case 3:
      return { ok: true, value: chars(6, (i) => BASE64URL.charAt(i)) };
    case 4:
      return { ok: true, value: chars(7, (i) => String.fromCharCode(i)) };
    default:
      return fail('unsupported', `The value of ${what} uses encoding ${encoding}, which compressed Digital Links do not define.`);
  }
}

/** A variable length; null when outside minLength..max. */
function readLength(reader: BitReader, max: number, minLength: number): number | null {
  const length = reader.readNumber(lengthBits(max));
  return length < minLength || length > max ? null : length;
}

function readValue(reader: BitReader, ai: string, layout: readonly Component[]): Decoded {
  let value = '';
  for (const [index, component] of layout.entries()) {
    // Only a part after the first may be empty: the value itself never is.
    const minLength = index === 0 ? 1 : 0;
    let part: Decoded;
    if (component.kind === 'X') {
      part = readCharacters(reader, component, `AI ${ai}`, minLength);
    } else {
      const length = component.fixed ?? readLength(reader, component.max ?? 0, minLength);
      if (length === null) return fail('syntax', `The value of AI ${ai} has a length out of range.`);
      part = readDigits(reader, length, `AI ${ai}`);
    }
    if (!part.ok) return part;
    value += part.value;
  }
  return { ok: true, value };
}

/**
 * A key=value pair that is no AI, flagged by the hex digit F: a 7-bit key length, the key in
 * base64 characters, then the value like an alphanumeric AI value of up to 127 characters.
 */
function readOtherPair(reader: BitReader): { ok: true; key: string; value: string } | Failure {
  const keyLength = reader.readNumber(7);
  if (keyLength === 0) return fail('syntax', 'A compressed query parameter has an empty name.');
  const key = Array.from({ length: keyLength }, () => BASE64URL.charAt(reader.readNumber(6))).join('');
  const value = readCharacters(reader, xUpTo(127), `parameter ${key}`, 1);
  return value.ok ? { ok: true, key, value: value.value } : value;
}

interface Stream {
  ais: Map<string, string>;
  others: Array<[string, string]>;
}

function readAiCode(reader: BitReader, prefix: string): string | Failure {
  const length = aiLength(prefix);
  if (length === undefined) return fail('unsupported', `AI prefix ${prefix} is not assigned by GS1.`);
  let ai = prefix;
  while (ai.length < length) {
    const digit = reader.readNumber(4);
    if (digit > 9) return fail('syntax', `The AI ${ai}${digit.toString(16).toUpperCase()}… is not all digits.`);
    ai += String(digit);
  }
  return ai;
}

function decodeStream(bits: string): Stream | Failure {
  const reader = new BitReader(bits);
  const stream: Stream = { ais: new Map(), others: [] };
  const take = (ai: string): Failure | null => {
    const layout = layoutOf(ai);
    if (!layout) return fail('unsupported', `AI ${ai} is not supported in a compressed link here.`);
    const value = readValue(reader, ai, layout);
    if (!value.ok) return value;
    if (stream.ais.has(ai)) return fail('syntax', `AI ${ai} appears twice in the compressed link.`);
    stream.ais.set(ai, value.value);
    return null;
  };
  try {
    // Every element takes more than 8 bits, so 8 or fewer left can only be padding.
    while (reader.remaining > 8) {
      const code = reader.read(8).toString(16).toUpperCase().padStart(2, '0');
      let problem: Failure | null = null;
      if (/^\d\d$/.test(code)) {
        const ai = readAiCode(reader, code);
        problem = typeof ai === 'string' ? take(ai) : ai;
      } else if (OPTIMISATIONS.has(code)) {
        for (const ai of OPTIMISATIONS.get(code) ?? []) {
          problem = take(ai);
          if (problem) break;
        }
      } else if (code.startsWith('F')) {
        // Only the F is the flag: its second hex digit is the start of the key length.
        reader.unread(4);
        const pair = readOtherPair(reader);
        if (pair.ok) stream.others.push([pair.key, pair.value]);
        else problem = pair;
      } else {
        problem = fail('unsupported', `The optimisation code ${code} is not defined.`);
      }
      if (problem) return problem;
    }
  } catch (error) {
    if (error instanceof Truncated) return fail('syntax', 'The compressed link ends in the middle of a value.');
    throw error;
  }
  if (/1/.test(reader.rest())) return fail('syntax', 'The compressed link has data after its last value.');
  return stream;
}

function toBits(base64url: string): string {
  return [...base64url].map((char) => BASE64URL.indexOf(char).toString(2).padStart(6, '0')).join('');
}

/**
 * Decompresses a compressed GS1 Digital Link (a full http(s) URI, or just its path) into what
 * parseDigitalLink gives for the same link uncompressed: GTIN-14, qualifiers, expiry and every
 * query parameter (decompressed data attributes and key=value pairs first, then the URI's own
 * query string). Failures: 'syntax' (not base64url, truncated, malformed), 'unsupported' (an AI
 * or encoding this decoder does not read), 'not_gtin' (another primary key: SSCC, GLN, ...),
 * 'check_digit'.
 */
export function parseCompressedDigitalLink(uriOrPath: string): CompressedDigitalLinkParse {
  const input = uriOrPath.trim();
  const match = /^(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*)?(\/[^?#]*)(\?[^#]*)?(?:#.*)?$/.exec(input);
  if (!match) return fail('syntax', 'Expected an http(s):// URI or a path starting with "/".');
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(input) && !/^https?:/i.test(input)) {
    return fail('syntax', 'A Digital Link uses http or https.');
  }
  const segments = (match[1] ?? '').split('/').slice(1);
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop(); // one trailing slash
  const compressed = segments[segments.length - 1] ?? '';
  if (!/^[A-Za-z0-9_-]+$/.test(compressed)) {
    return fail('syntax', 'The last path segment is not URI-safe base64, so it is no compressed Digital Link.');
  }

  const stream = decodeStream(toBits(compressed));
  if ('ok' in stream) return stream;
  const otherKey = [...stream.ais.keys()].find((ai) => OTHER_PRIMARY_KEYS.has(ai));
  if (otherKey !== undefined) return notGtin(otherKey);
  const companion = [...stream.ais.keys()].find(isCompanionOfOtherKey);
  if (companion !== undefined) return fail('unsupported', `AI ${companion} does not belong in a product (GTIN) link.`);

  // Partially compressed: /01/{GTIN}/{compressed attributes}, or another key uncompressed.
  const pathKey = segments[segments.length - 3] ?? '';
  if (OTHER_PRIMARY_KEYS.has(pathKey)) return notGtin(pathKey);
  const uncompressedGtin = segments.length >= 3 && segments[segments.length - 3] === '01' ? segments[segments.length - 2] : undefined;
  if (uncompressedGtin !== undefined) {
    if (stream.ais.has('01')) return fail('syntax', 'AI 01 appears twice in the link.');
    stream.ais.set('01', uncompressedGtin);
  }
  const gtin = stream.ais.get('01');
  if (gtin === undefined) return fail('syntax', 'The compressed link has no GTIN (AI 01).');

  // Rebuilt as an uncompressed path and query, so the values meet exactly the checks (lengths,
  // character set, dates, check digit) that an uncompressed link meets.
  let path = `/01/${encodeDigitalLinkValue(gtin)}`;
  for (const ai of QUALIFIER_AIS) {
    const value = stream.ais.get(ai);
    if (value !== undefined) path += `/${ai}/${encodeDigitalLinkValue(value)}`;
  }
  const attributes = [...stream.ais].filter(([ai]) => ai !== '01' && !(QUALIFIER_AIS as readonly string[]).includes(ai));
  const query = [...attributes, ...stream.others].map(([key, value]) => `${key}=${encodeDigitalLinkValue(value)}`);
  const ownQuery = (match[2] ?? '').slice(1);
  if (ownQuery !== '') query.push(ownQuery);
  return parseDigitalLink(query.length > 0 ? `${path}?${query.join('&')}` : path);
}
