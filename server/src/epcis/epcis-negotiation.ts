import type { IncomingHttpHeaders } from 'node:http';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';

/** The one EPCIS and CBV version the portal speaks. */
const VERSION = [2, 0, 0];

/** The media types the binding's answers come in; EPCIS XML only for documents of events. */
export const EPCIS_MEDIA_TYPES = {
  json: 'application/json',
  'ld+json': 'application/ld+json',
  xml: 'application/xml',
} as const;
export type EpcisMediaType = keyof typeof EPCIS_MEDIA_TYPES;
export const JSON_MEDIA_TYPES: readonly EpcisMediaType[] = ['json', 'ld+json'];
export const DOCUMENT_MEDIA_TYPES: readonly EpcisMediaType[] = ['json', 'ld+json', 'xml'];

const parts = (version: string) => version.split('.').map((n) => Number(n) || 0);
function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

interface MediaRange {
  type: string;
  q: number;
}

function rangesOf(accept: string): MediaRange[] {
  return accept.split(',').map((range) => {
    const [type = '', ...params] = range.trim().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/i.exec(param)?.[1]).find((value) => value !== undefined);
    return { type: type.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
  });
}

/** The quality the client gives a media type: that of the most specific range naming it (RFC 9110 §12.5.1). */
function qualityOf(mediaType: string, ranges: MediaRange[]): number {
  const [major] = mediaType.split('/');
  const match =
    ranges.find((r) => r.type === mediaType) ?? ranges.find((r) => r.type === `${major}/*`) ?? ranges.find((r) => r.type === '*/*');
  return match?.q ?? 0;
}

/** The offered type the client prefers (the first offered on a tie); none when it takes none of them. */
export function preferredMediaType(accept: string | undefined, offered: readonly EpcisMediaType[]): EpcisMediaType | undefined {
  if (!accept?.trim()) return offered[0];
  const ranges = rangesOf(accept);
  let best: { type: EpcisMediaType; q: number } | undefined;
  for (const type of offered) {
    const q = qualityOf(EPCIS_MEDIA_TYPES[type], ranges);
    if (q > 0 && (!best || q > best.q)) best = { type, q };
  }
  return best?.type;
}

/**
 * What the binding says a server must refuse (406): an `Accept` that takes none of the types the
 * route answers in, or a `GS1-EPCIS-Min`/`-Max` or `GS1-CBV-Min`/`-Max` range that leaves out
 * 2.0.0. Answers the type to answer in.
 */
export function negotiate(headers: IncomingHttpHeaders, offered: readonly EpcisMediaType[]): EpcisMediaType {
  const type = preferredMediaType(headers.accept, offered);
  if (!type) {
    const types = offered.map((name) => EPCIS_MEDIA_TYPES[name]);
    throw new DomainError('NOT_ACCEPTABLE', RULE_MESSAGES.epcis.mediaTypeNotOffered(headers.accept!, types));
  }
  for (const standard of ['EPCIS', 'CBV'] as const) {
    const min = headers[`gs1-${standard.toLowerCase()}-min`];
    const max = headers[`gs1-${standard.toLowerCase()}-max`];
    if ((typeof min === 'string' && compare(parts(min), VERSION) > 0) || (typeof max === 'string' && compare(parts(max), VERSION) < 0)) {
      throw new DomainError('NOT_ACCEPTABLE', RULE_MESSAGES.epcis.versionNotOffered(standard));
    }
  }
  return type;
}
