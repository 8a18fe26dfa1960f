/**
 * Vocabulary and namespace handling for the EPCIS event hash: CBV bare words and URNs to their
 * https://ref.gs1.org/cbv/ Web URIs, CURIE expansion, and the prefix map of a JSON-LD @context.
 */

export const CBV_WEB_VOCAB = 'https://ref.gs1.org/cbv/';
export const GS1_WEB_VOCAB = 'https://gs1.org/voc/';

/**
 * How a bare string of a standard vocabulary field is expanded, as the EPCIS 2.0 JSON-LD context
 * declares it (`@type: @vocab` with a `@vocab` of `cbv:BizStep-`, `cbv:Disp-`, ..., or `gs1:`).
 */
export type VocabularyKind = 'BizStep' | 'Disp' | 'BTT' | 'SDT' | 'ER' | 'Comp' | 'gs1';

/** Web URI of a bare CBV/GS1 vocabulary word, e.g. ('BizStep', 'shipping') → https://ref.gs1.org/cbv/BizStep-shipping. */
export function vocabularyUri(kind: VocabularyKind, word: string): string {
  return kind === 'gs1' ? GS1_WEB_VOCAB + word : `${CBV_WEB_VOCAB}${kind}-${word}`;
}

// CBV 1.x URN prefixes and their CBV 2.0 Web URI equivalents (event hash rule 14).
const CBV_URN_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['urn:epcglobal:cbv:bizstep:', `${CBV_WEB_VOCAB}BizStep-`],
  ['urn:epcglobal:cbv:disp:', `${CBV_WEB_VOCAB}Disp-`],
  ['urn:epcglobal:cbv:btt:', `${CBV_WEB_VOCAB}BTT-`],
  ['urn:epcglobal:cbv:sdt:', `${CBV_WEB_VOCAB}SDT-`],
  ['urn:epcglobal:cbv:er:', `${CBV_WEB_VOCAB}ER-`],
];

/**
 * Replaces CBV URN vocabulary (`urn:epcglobal:cbv:bizstep:receiving`) by the Web URI
 * (`https://ref.gs1.org/cbv/BizStep-receiving`). Business transaction ids (`urn:epcglobal:cbv:bt:`)
 * and master data attributes (`urn:epcglobal:cbv:mda:`) are identifiers, not vocabulary, and stay.
 */
export function cbvUrnToWebUri(value: string): string {
  // Most values name no CBV URN: the replacements below cost an event hash a fifth of its time.
  if (!value.includes('urn:epcglobal:cbv:')) return value;
  let result = value;
  for (const [urn, web] of CBV_URN_PREFIXES) result = result.replaceAll(urn, web);
  return result;
}

/** Prefix → namespace IRI, as declared by JSON-LD contexts. */
export type PrefixMap = ReadonlyMap<string, string>;

/**
 * Prefixes of the standard EPCIS 2.0 JSON-LD context
 * (https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld), which every EPCIS document
 * imports; a document's own context is layered on top.
 */
export const EPCIS_CONTEXT_PREFIXES: PrefixMap = new Map([
  ['epcis', 'https://ref.gs1.org/epcis/'],
  ['cbv', CBV_WEB_VOCAB],
  ['cbvmda', 'urn:epcglobal:cbv:mda:'],
  ['gs1', GS1_WEB_VOCAB],
  ['rdfs', 'http://www.w3.org/2000/01/rdf-schema#'],
  ['owl', 'http://www.w3.org/2002/07/owl#'],
  ['xsd', 'http://www.w3.org/2001/XMLSchema#'],
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Prefix map of a JSON-LD `@context` (a string, an object or an array of both), on top of `base`.
 * Only prefix definitions count: `"example": "https://ns.example.com/epcis/"`, or a term definition
 * object with a string `@id`. Remote context URLs are not fetched (the EPCIS one is built in).
 */
export function prefixesFromContext(context: unknown, base: PrefixMap = EPCIS_CONTEXT_PREFIXES): PrefixMap {
  // An event without a context of its own (most are) adds nothing to its document's.
  if (context === undefined || context === null) return base;
  const prefixes = new Map(base);
  const visit = (entry: unknown): void => {
    if (Array.isArray(entry)) {
      for (const item of entry) visit(item);
      return;
    }
    if (!isRecord(entry)) return;
    for (const [term, definition] of Object.entries(entry)) {
      if (term.startsWith('@')) continue;
      const iri = typeof definition === 'string' ? definition : isRecord(definition) ? definition['@id'] : undefined;
      if (typeof iri === 'string') prefixes.set(term, iri);
    }
  };
  visit(context);
  return prefixes;
}

function splitCurie(value: string, prefixes: PrefixMap): { namespace: string; local: string } | null {
  const colon = value.indexOf(':');
  if (colon <= 0) return null;
  const namespace = prefixes.get(value.slice(0, colon));
  return namespace === undefined ? null : { namespace, local: value.slice(colon + 1) };
}

/**
 * A property name as the pre-hash writes it: a prefixed name becomes `{namespace}localName`
 * (`example:myField` → `{https://ns.example.com/epcis/}myField`), other names stay as written.
 */
export function expandPropertyName(name: string, prefixes: PrefixMap): string {
  const curie = splitCurie(name, prefixes);
  return curie ? `{${curie.namespace}}${curie.local}` : name;
}

/**
 * Expands a CURIE value (`cbv:Comp-latitude`, `gs1:Temperature`). Values outside the vocabulary
 * fields are only expanded for GS1 namespaces (https://ref.gs1.org/..., https://gs1.org/...), as the
 * reference implementation does, since a user string such as `example:foo` may be a plain literal;
 * pass `anyNamespace` for vocabulary-typed fields, where JSON-LD expands every declared prefix.
 */
export function expandCurieValue(value: string, prefixes: PrefixMap, anyNamespace = false): string {
  const curie = splitCurie(value, prefixes);
  if (!curie) return value;
  const isGs1 = curie.namespace.startsWith('https://ref.gs1.org') || curie.namespace.startsWith('https://gs1.org');
  return anyNamespace || isGs1 ? curie.namespace + curie.local : value;
}

/**
 * Value of a vocabulary field: a bare word is expanded with the field's vocabulary, a CURIE with
 * its prefix; absolute URIs and URNs are kept (URNs are converted later, see cbvUrnToWebUri).
 */
export function expandVocabularyValue(value: string, kind: VocabularyKind, prefixes: PrefixMap): string {
  if (value === '' || value.includes(':')) return expandCurieValue(value, prefixes, true);
  return vocabularyUri(kind, value);
}
