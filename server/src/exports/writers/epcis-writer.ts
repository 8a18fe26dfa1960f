import { Readable } from 'node:stream';
import { epcisDocument, type EpcisEvent } from '../../epcis/query-document.js';

async function* documentChunks(events: AsyncIterable<EpcisEvent[]>): AsyncGenerator<Buffer> {
  // The document's opening up to the event list's `[`, as the one builder of EPCIS documents writes it.
  const empty = JSON.stringify(epcisDocument([]));
  yield Buffer.from(`${empty.slice(0, empty.lastIndexOf('[') + 1)}\n`, 'utf8');
  let first = true;
  for await (const page of events) {
    // One event per line, so that a reader can count the events as they arrive.
    yield Buffer.from(
      page
        .map((event) => {
          const text = `${first ? '' : ','}${JSON.stringify(event)}\n`;
          first = false;
          return text;
        })
        .join(''),
      'utf8',
    );
  }
  yield Buffer.from(']}}\n', 'utf8');
}

/** An EPCISDocument (JSON-LD) written as its events are read, one page at a time. */
export function epcisStream(events: AsyncIterable<EpcisEvent[]>): Readable {
  return Readable.from(documentChunks(events), { objectMode: false });
}
