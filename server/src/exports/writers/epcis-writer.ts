import { Readable } from 'node:stream';
import { epcisDocument, type EpcisEvent } from '../../epcis/query-document.js';
import { epcisDocumentXmlParts, epcisEventXml } from '../../epcis/xml/epcis-xml-writer.js';

/** How an EPCIS document is written: JSON-LD, or EPCIS 2.0 XML. */
export type EpcisSyntax = 'json-ld' | 'xml';

/** The document's opening, each event as written, and the close; one event per line, so a reader can count them as they arrive. */
function syntaxOf(syntax: EpcisSyntax) {
  const document = epcisDocument([]);
  if (syntax === 'xml') {
    const { head, tail } = epcisDocumentXmlParts(document.creationDate);
    return { head: `${head}\n`, event: (event: EpcisEvent) => `${epcisEventXml(event, document['@context'])}\n`, separator: '', tail };
  }
  // The opening up to the event list's `[`, as the one builder of EPCIS documents writes it.
  const empty = JSON.stringify(document);
  return {
    head: `${empty.slice(0, empty.lastIndexOf('[') + 1)}\n`,
    event: (event: EpcisEvent) => `${JSON.stringify(event)}\n`,
    separator: ',',
    tail: ']}}\n',
  };
}

async function* documentChunks(events: AsyncIterable<EpcisEvent[]>, syntax: EpcisSyntax): AsyncGenerator<Buffer> {
  const { head, event, separator, tail } = syntaxOf(syntax);
  yield Buffer.from(head, 'utf8');
  let first = true;
  for await (const page of events) {
    yield Buffer.from(
      page
        .map((item) => {
          const text = `${first ? '' : separator}${event(item)}`;
          first = false;
          return text;
        })
        .join(''),
      'utf8',
    );
  }
  yield Buffer.from(tail, 'utf8');
}

/** An EPCISDocument written as its events are read, one page at a time. */
export function epcisStream(events: AsyncIterable<EpcisEvent[]>, syntax: EpcisSyntax): Readable {
  return Readable.from(documentChunks(events, syntax), { objectMode: false });
}
