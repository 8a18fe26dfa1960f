/**
 * Reading the events of an EPCIS 2.0 JSON-LD document (EPCISDocument or EPCISQueryDocument), with
 * what the event hash needs from the document around them.
 */

export interface EpcisDocumentEvents {
  /** The events in document order. */
  readonly events: Array<Record<string, unknown>>;
  /** The document's `@context`, which declares the prefixes of user extensions. */
  readonly context: unknown;
  /**
   * Repository-specific properties that the document says to leave out of event hashes: the
   * `ignoreFields` list (usually under a repository prefix, e.g. `repository-x:ignoreFields`) at the
   * document level or in `epcisBody.queryResults`.
   */
  readonly ignoreFields: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ignoreFieldsOf(holder: unknown): string[] {
  if (!isRecord(holder)) return [];
  return Object.entries(holder)
    .filter(([key]) => key === 'ignoreFields' || key.endsWith(':ignoreFields'))
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .filter((name): name is string => typeof name === 'string');
}

/**
 * The events of an EPCIS document: `epcisBody.eventList`, `epcisBody.queryResults.resultsBody.eventList`
 * or a single `epcisBody.event`. A document without events yields an empty list.
 */
export function epcisDocumentEvents(document: unknown): EpcisDocumentEvents {
  const root = isRecord(document) ? document : {};
  const body = isRecord(root['epcisBody']) ? root['epcisBody'] : {};
  const queryResults = body['queryResults'];
  const resultsBody = isRecord(queryResults) ? queryResults['resultsBody'] : undefined;
  let candidates: unknown[] = [];
  if (Array.isArray(body['eventList'])) candidates = body['eventList'];
  else if (isRecord(resultsBody) && Array.isArray(resultsBody['eventList'])) candidates = resultsBody['eventList'];
  else if (isRecord(body['event'])) candidates = [body['event']];
  return {
    events: candidates.filter(isRecord),
    context: root['@context'],
    ignoreFields: [...ignoreFieldsOf(root), ...ignoreFieldsOf(queryResults)],
  };
}
