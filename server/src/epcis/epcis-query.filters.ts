import { normalizeBizStep } from '@nguon/shared';
import type { Principal } from '../auth/principal.js';
import { TenancyPolicy } from '../auth/tenancy.policy.js';
import { escapeLike } from '../common/sql/escape-like.js';
import { IDENTIFIER_ROLES, normalizeIdentifier, type IdentifierRole } from '../events/event-identifiers.js';
import type { QueryEventsDto } from './dto/query-events.dto.js';
import { documentConditions, openNameCondition } from './document-filters.js';
import { identifierVariants } from './epc-format.js';
import { masterDataCondition } from './master-data-filters.js';
import { NAMED_TYPE_PARAMETER, type OpenNameParameters } from './open-name-parameters.js';

/** Positional parameters of one SQL statement. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The businesses a principal reads for: its memberships, or the API key's business. */
function businessesOf(principal: Principal): string[] {
  return principal.kind === 'api_key' ? [principal.businessId] : [...principal.memberships.keys()];
}

/**
 * Which events (alias `e`) a principal may read, as SQL: inspectors and administrators every
 * event; a business the events it recorded and every event of the batches it produced or recorded on. A filter the
 * planner applies while it walks the index of the order or of another condition (the batches'
 * events are one hashed set), so the first page of a business's events stops early.
 */
export function visibleEvents(principal: Principal, params: SqlParams): string {
  if (TenancyPolicy.readsEverything(principal)) return 'true';
  const businesses = params.add(businessesOf(principal));
  // Its own batches, and the batches it recorded events on: as GET /api/batches/{id}/events allows.
  return `(e.business_id = ANY(${businesses}::uuid[]) OR (e.id, e.record_time) IN (
    SELECT eb.event_id, eb.record_time FROM event_batches eb WHERE eb.batch_id IN (
      SELECT b.id FROM batches b WHERE b.business_id = ANY(${businesses}::uuid[])
      UNION
      SELECT own.batch_id FROM event_batches own JOIN events mine ON mine.id = own.event_id AND mine.record_time = own.record_time WHERE mine.business_id = ANY(${businesses}::uuid[]))))`;
}

/** Which parts of an event each MATCH_ parameter looks in (EPCIS 2.0 §8.2.7.1). */
const MATCH_ROLES = {
  MATCH_epc: ['epc', 'child_epc'],
  MATCH_parentID: ['parent'],
  MATCH_inputEPC: ['input_epc'],
  MATCH_outputEPC: ['output_epc'],
  MATCH_anyEPC: ['epc', 'child_epc', 'parent', 'input_epc', 'output_epc'],
  MATCH_epcClass: ['epc_class', 'child_class'],
  MATCH_inputEPCClass: ['input_class'],
  MATCH_outputEPCClass: ['output_class'],
  MATCH_anyEPCClass: ['epc_class', 'child_class', 'input_class', 'output_class'],
} as const satisfies Record<string, readonly IdentifierRole[]>;

export type MatchParameter = keyof typeof MATCH_ROLES;
export const MATCH_PARAMETERS = Object.keys(MATCH_ROLES) as MatchParameter[];

/**
 * Events naming one of `values` in one of `roles`, through the (identifier, role) index. Values
 * are normalised as stored identifiers are (EPC URN or Digital Link on any domain → canonical
 * Digital Link). An EPC ID pattern (`urn:epc:idpat:sgtin:0614141.107346.*`) matches every serial
 * and lot of its GTIN.
 */
function matchIdentifiers(roles: readonly IdentifierRole[], values: string[], params: SqlParams): string {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const value of values) {
    const normalized = normalizeIdentifier(value);
    exact.add(normalized);
    if (value.startsWith('urn:epc:idpat:') && normalized !== value) prefixes.push(`${escapeLike(normalized)}/%`);
    prefixes.push(...(companyPatternPrefixes(value) ?? []).map((prefix) => `${escapeLike(prefix)}%`));
  }
  const any = [`ei.identifier = ANY(${params.add([...exact])}::text[])`, ...prefixes.map((p) => `ei.identifier LIKE ${params.add(p)}`)];
  return `(e.id, e.record_time) IN (SELECT ei.event_id, ei.record_time FROM event_identifiers ei WHERE ei.role = ANY(${params.add(roles)}::text[]) AND (${any.join(' OR ')}))`;
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The canonical Digital Link prefixes an EPC ID pattern of a whole company prefix covers
 * (`urn:epc:idpat:sgtin:8936000.*.*`: every item of the company), or null for any other value.
 * A GTIN's or SSCC's first digit (indicator, extension) is not in the pattern: each is a prefix.
 */
function companyPatternPrefixes(value: string): string[] | null {
  const [, scheme, prefix, stars] = /^urn:epc:idpat:([a-z]+):(\d{6,12})((?:\.\*)+)$/.exec(value) ?? [];
  const pattern = scheme ? COMPANY_PATTERNS[scheme] : undefined;
  return pattern && stars === pattern.stars ? pattern.prefixes(prefix!) : null;
}

/** Per EPC scheme, the wildcards after a company prefix, and the Digital Link prefixes they cover. */
const COMPANY_PATTERNS: Record<string, { stars: string; prefixes: (prefix: string) => string[] }> = {
  sgtin: { stars: '.*.*', prefixes: (prefix) => DIGITS.map((digit) => `https://id.gs1.org/01/${digit}${prefix}`) },
  sscc: { stars: '.*', prefixes: (prefix) => DIGITS.map((digit) => `https://id.gs1.org/00/${digit}${prefix}`) },
  sgln: { stars: '.*.*', prefixes: (prefix) => [`https://id.gs1.org/414/${prefix}`] },
  grai: { stars: '.*.*', prefixes: (prefix) => [`https://id.gs1.org/8003/0${prefix}`] },
  giai: { stars: '.*', prefixes: (prefix) => [`https://id.gs1.org/8004/${prefix}`] },
};

const CBV_FORMS = {
  BizStep: { urn: 'urn:epcglobal:cbv:bizstep:', web: 'https://ref.gs1.org/cbv/BizStep-', curie: 'cbv:BizStep-' },
  Disp: { urn: 'urn:epcglobal:cbv:disp:', web: 'https://ref.gs1.org/cbv/Disp-', curie: 'cbv:Disp-' },
  BTT: { urn: 'urn:epcglobal:cbv:btt:', web: 'https://ref.gs1.org/cbv/BTT-', curie: 'cbv:BTT-' },
  SDT: { urn: 'urn:epcglobal:cbv:sdt:', web: 'https://ref.gs1.org/cbv/SDT-', curie: 'cbv:SDT-' },
  ER: { urn: 'urn:epcglobal:cbv:er:', web: 'https://ref.gs1.org/cbv/ER-', curie: 'cbv:ER-' },
} as const;

/**
 * A CBV value in every form it may be stored in (bare word, URN, Web URI), whichever form it is
 * asked in. Extension URIs match as written.
 */
export function vocabularyForms(kind: keyof typeof CBV_FORMS, value: string): string[] {
  const forms = CBV_FORMS[kind];
  const prefix = [forms.urn, forms.web, forms.curie].find((p) => value.startsWith(p));
  const word = prefix ? value.slice(prefix.length) : value;
  if (!/^[a-z_]+$/.test(word)) return [value];
  return [word, `${forms.urn}${word}`, `${forms.web}${word}`];
}

/**
 * Events with one of these eventIDs, events and error declarations alike. eventID is indexed
 * twice, once for events and once for error declarations (partial unique indexes): naming
 * both halves lets the planner use both.
 */
export function eventIdIn(eventIds: string[], params: SqlParams): string {
  const ids = params.add([...new Set(eventIds)]);
  return `((NOT e.error_declared AND e.event_id = ANY(${ids}::text[])) OR (e.error_declared AND e.event_id = ANY(${ids}::text[])))`;
}

/**
 * What selects events: the query parameters, the typed ones (`EQ_bizTransaction_po`, ...) by name,
 * and `anyIdentifier` (`/epcis/epcs/{epc}/events`: an EPC or class anywhere).
 */
export type EventConditions = Partial<QueryEventsDto> & {
  anyIdentifier?: string[];
  openNames?: OpenNameParameters;
  /** What the prefixes of extension field parameters stand for (`GS1-Extensions`, a named query's `@context`). */
  namespaces?: Record<string, string>;
};

/** Where each typed parameter looks: the list, and the field of its entries that holds the value. */
const NAMED_TYPE_LISTS = {
  bizTransaction: { list: 'bizTransactionList', field: 'bizTransaction', vocabulary: 'BTT' },
  source: { list: 'sourceList', field: 'source', vocabulary: 'SDT' },
  destination: { list: 'destinationList', field: 'destination', vocabulary: 'SDT' },
} as const;

/**
 * Events whose list (alias `e`) holds an entry of the type with one of the values, through the
 * list's partial GIN index: the type in any CBV form, a value as given or in another form of the
 * same GS1 key (a party's PGLN as a URN or a Digital Link).
 */
function namedTypeCondition(name: string, values: string[], params: SqlParams): string {
  const [, kind, type] = NAMED_TYPE_PARAMETER.exec(name)! as unknown as [string, keyof typeof NAMED_TYPE_LISTS, string];
  const { list, field, vocabulary } = NAMED_TYPE_LISTS[kind];
  const entries = vocabularyForms(vocabulary, type).flatMap((form) =>
    [...new Set(values.flatMap(identifierVariants))].map((value) => [{ type: form, [field]: value }]),
  );
  return `(e.document ? '${list}' AND (e.document->'${list}') @> ANY(${params.add(entries.map((entry) => JSON.stringify(entry)))}::jsonb[]))`;
}

/**
 * Places that are one of the values or inside one (`WD_`): a GLN's sub-locations are the SGLNs
 * with its company prefix and location reference and an extension other than 0 (GS1 AI 254),
 * written as EPC URNs or Digital Links on any domain.
 */
function withDescendants(column: string, values: string[], params: SqlParams): string {
  const patterns = values.flatMap((value) => {
    const glns = identifierVariants(value)
      .map((form) => /^https?:\/\/[^/]+\/414\/(\d{13})$/.exec(form)?.[1])
      .filter((gln): gln is string => gln !== undefined);
    const urns = identifierVariants(value)
      .map((form) => /^urn:epc:id:sgln:(\d+\.\d*)\.0$/.exec(form)?.[1])
      .filter((site): site is string => site !== undefined);
    return [...glns.map((gln) => `%/414/${gln}/254/%`), ...urns.map((site) => `urn:epc:id:sgln:${escapeLike(site)}.%`)];
  });
  const exact = `${column} = ANY(${params.add([...new Set(values.flatMap(identifierVariants))])}::text[])`;
  return patterns.length ? `(${exact} OR ${column} LIKE ANY(${params.add([...new Set(patterns)])}::text[]))` : exact;
}

/**
 * Error declarations by when they were made, their reason or their corrective events: only
 * declarations are looked at (`error_declared`, a partial index), so the few of them are read.
 */
function errorDeclarationConditions(query: EventConditions, params: SqlParams): string[] {
  const declaration = `e.document->'errorDeclaration'`;
  const where: string[] = [];
  const from = query.GE_errorDeclarationTime ?? query.GE_errorDeclaration_Time;
  const before = query.LT_errorDeclarationTime ?? query.LT_errorDeclaration_Time;
  if (from) where.push(`(${declaration}->>'declarationTime')::timestamptz >= ${params.add(from)}::timestamptz`);
  if (before) where.push(`(${declaration}->>'declarationTime')::timestamptz < ${params.add(before)}::timestamptz`);
  if (query.EQ_errorReason)
    where.push(`${declaration}->>'reason' = ANY(${params.add(query.EQ_errorReason.flatMap((v) => vocabularyForms('ER', v)))}::text[])`);
  if (query.EQ_correctiveEventID)
    where.push(`(${declaration}->'correctiveEventIDs') ?| ${params.add([...new Set(query.EQ_correctiveEventID)])}::text[]`);
  return where.length ? ['e.error_declared', ...where] : [];
}

/** The WHERE conditions of the query parameters (alias `e` for events), all through indexes. */
export function eventConditions(query: EventConditions, params: SqlParams): string[] {
  const where: string[] = [];
  const anyOf = (column: string, values: string[]) => `${column} = ANY(${params.add([...new Set(values)])}::text[])`;
  if (query.eventType) where.push(anyOf('e.event_type', query.eventType));
  if (query.GE_eventTime) where.push(`e.event_time >= ${params.add(query.GE_eventTime)}::timestamptz`);
  if (query.LT_eventTime) where.push(`e.event_time < ${params.add(query.LT_eventTime)}::timestamptz`);
  if (query.GE_recordTime) where.push(`e.record_time >= ${params.add(query.GE_recordTime)}::timestamptz`);
  if (query.LT_recordTime) where.push(`e.record_time < ${params.add(query.LT_recordTime)}::timestamptz`);
  if (query.EQ_action) where.push(anyOf('e.action', query.EQ_action));
  // Stored bizSteps are normalised already (bare CBV word or extension URI).
  if (query.EQ_bizStep)
    where.push(anyOf('e.biz_step', query.EQ_bizStep.flatMap((v) => vocabularyForms('BizStep', v)).map(normalizeBizStep)));
  if (query.EQ_disposition)
    where.push(
      anyOf(
        'e.disposition',
        query.EQ_disposition.flatMap((v) => vocabularyForms('Disp', v)),
      ),
    );
  if (query.EQ_readPoint) where.push(anyOf('e.read_point', query.EQ_readPoint.flatMap(identifierVariants)));
  if (query.EQ_bizLocation) where.push(anyOf('e.biz_location', query.EQ_bizLocation.flatMap(identifierVariants)));
  for (const parameter of MATCH_PARAMETERS) {
    const values = query[parameter];
    if (values) where.push(matchIdentifiers(MATCH_ROLES[parameter], values, params));
  }
  if (query.anyIdentifier) where.push(matchIdentifiers(IDENTIFIER_ROLES, query.anyIdentifier, params));
  if (query.EQ_eventID) where.push(eventIdIn(query.EQ_eventID, params));
  if (query.EXISTS_errorDeclaration) where.push('e.error_declared');
  where.push(...errorDeclarationConditions(query, params));
  if (query.EQ_transformationID)
    where.push(
      `(e.document ? 'transformationID' AND e.document->>'transformationID' = ANY(${params.add([...new Set(query.EQ_transformationID)])}::text[]))`,
    );
  for (const [parameter, key] of [
    ['EQ_persistentDisposition_set', 'set'],
    ['EQ_persistentDisposition_unset', 'unset'],
  ] as const) {
    const values = query[parameter];
    if (!values) continue;
    const entries = values.flatMap((v) => vocabularyForms('Disp', v)).map((form) => JSON.stringify({ [key]: [form] }));
    where.push(`(e.document ? 'persistentDisposition' AND (e.document->'persistentDisposition') @> ANY(${params.add(entries)}::jsonb[]))`);
  }
  if (query.WD_readPoint) where.push(withDescendants('e.read_point', query.WD_readPoint, params));
  if (query.WD_bizLocation) where.push(withDescendants('e.biz_location', query.WD_bizLocation, params));
  where.push(...documentConditions(query, params));
  for (const [name, values] of Object.entries(query.openNames ?? {})) {
    where.push(
      masterDataCondition(name, values, params) ??
        openNameCondition(name, values, query.namespaces ?? {}, params) ??
        namedTypeCondition(name, values, params),
    );
  }
  return where;
}
