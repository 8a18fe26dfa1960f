import { epcisDocumentEvents } from './document.js';
import { computePreHash, type PreHashOptions } from './prehash.js';
import { sha256Hex } from './sha256.js';

/**
 * GS1 EPCIS Event Hash ID (CBV 2.0 §8.9): `ni:///sha-256;<hex>?ver=CBV2.0`, the SHA-256 of a
 * canonical pre-hash string of the event, identical for every serialisation of the same event.
 * Matches the reference implementation github.com/RalphTro/epcis-event-hash-generator (CBV 2.0).
 */

export type { PreHashOptions } from './prehash.js';
export type { EpcisDocumentEvents } from './document.js';
export { epcisDocumentEvents } from './document.js';
export { canonicalGs1Identifier, constrainDigitalLink, epcToDigitalLink, gs1IdentifierProblem } from './epc-to-digital-link.js';
export { canonicalTimestamp } from './canonical-values.js';
export { EPCIS_CONTEXT_PREFIXES, prefixesFromContext, type PrefixMap } from './cbv-uris.js';
export { sha256, sha256Hex, utf8Encode } from './sha256.js';

/** Version suffix of hash ids made by this algorithm. */
export const EVENT_HASH_VERSION = 'CBV2.0';

/**
 * The canonical pre-hash string of one EPCIS 2.0 event (JSON-LD object as in an EPCISDocument).
 * `context` is the document's @context (array or object), used to expand user-extension prefixes.
 * `options.ignoreFields` names repository-specific properties to leave out (see epcisDocumentEvents).
 */
export function eventPreHash(event: Record<string, unknown>, context?: unknown, options?: PreHashOptions): string {
  return computePreHash(event, context, options);
}

/** Lowercase hexadecimal SHA-256 of a string's UTF-8 bytes (a lone surrogate as U+FFFD). */
export type Sha256Hex = (text: string) => string;

/**
 * `ni:///sha-256;<lowercase hex>?ver=CBV2.0` of the pre-hash (UTF-8), hashed by `digest`: a
 * platform's native SHA-256 where it has one (the server's is about seven times as fast as the
 * plain JavaScript one here, which an import of thousands of lots feels).
 */
export function eventHashId(
  event: Record<string, unknown>,
  context?: unknown,
  options?: PreHashOptions,
  digest: Sha256Hex = sha256Hex,
): string {
  return `ni:///sha-256;${digest(eventPreHash(event, context, options))}?ver=${EVENT_HASH_VERSION}`;
}

/** Pre-hash string and hash id of every event of an EPCIS document, in document order. */
export function documentEventHashes(document: unknown): Array<{ preHash: string; hashId: string }> {
  const { events, context, ignoreFields } = epcisDocumentEvents(document);
  return events.map((event) => {
    const preHash = eventPreHash(event, context, { ignoreFields });
    return { preHash, hashId: `ni:///sha-256;${sha256Hex(preHash)}?ver=${EVENT_HASH_VERSION}` };
  });
}
