import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CreatedApiKey } from '@nguon/shared';

/** Documents a case captures: a backlog long enough that its first document's unshared time weighs little. */
const CAPTURE_DOCUMENTS = 10;
const EVENTS_PER_DOCUMENT = 1000;
/** Issue #16's goals for capture: events a second, and the share of a plain INSERT's speed. */
const P2_EVENTS_PER_SECOND = 5_000;
const P2_RATIO = 0.3;

interface CaptureJob {
  captureID: string;
  running: boolean;
  success: boolean;
  capturedCount: number;
  finishedAt: string | null;
}

/** 1,000 storing events spread over the bench's batches: what an integrator's nightly upload looks like. */
function captureDocument(paths: string[]): { eventList: Record<string, unknown>[]; document: Record<string, unknown> } {
  const eventList = Array.from({ length: EVENTS_PER_DOCUMENT }, (_, n) => ({
    type: 'ObjectEvent',
    eventID: `urn:uuid:${randomUUID()}`,
    action: 'OBSERVE',
    bizStep: 'storing',
    disposition: 'sellable_not_accessible',
    eventTime: new Date(Date.UTC(2026, 9, 2, 0, 0, n % 60)).toISOString(),
    eventTimeZoneOffset: '+07:00',
    epcList: [],
    quantityList: [{ epcClass: `https://id.gs1.org${paths[n % 100]}`, quantity: 10, uom: 'KGM' }],
  }));
  return {
    eventList,
    document: {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: new Date().toISOString(),
      epcisBody: { eventList },
    },
  };
}

/** A plain multi-row INSERT of a document's rows into `events`, CAPTURE_DOCUMENTS times: the ms it took in all, P2's yardstick. */
export async function timePlainInsert(db: DataSource, paths: string[]): Promise<number> {
  let insertMs = 0;
  for (let round = 0; round < CAPTURE_DOCUMENTS; round++) {
    const { eventList } = captureDocument(paths);
    const started = performance.now();
    await db.query(
      `INSERT INTO events (event_id, event_type, action, biz_step, disposition, event_time, event_time_zone_offset, record_time, document)
       SELECT e->>'eventID', e->>'type', e->>'action', e->>'bizStep', e->>'disposition', (e->>'eventTime')::timestamptz, e->>'eventTimeZoneOffset', now(), e
         FROM jsonb_array_elements($1::jsonb) AS e`,
      [JSON.stringify(eventList)],
    );
    insertMs += performance.now() - started;
  }
  return insertMs;
}

/** How long the capture cases took, in ms for all their documents. */
export interface CaptureTimes {
  backlogMs: number;
  oneByOneMs: number;
}

/**
 * EPCIS capture timed for issue #16's P2: once as an integrator with a backlog sends documents
 * (each as soon as the last was accepted, the jobs running meanwhile), which P2 is judged on, and
 * once a document at a time, from POST until its job finished. Run against the portal in a
 * process of its own, as an integrator's machine reaches it: the bench's own work (building and
 * sending documents) does not hold the portal's event loop. Times end at a job's `finishedAt`,
 * by the machine's one clock.
 */
export async function timeCapture(options: { url: string; key: CreatedApiKey; paths: string[] }): Promise<CaptureTimes> {
  const { url, key, paths } = options;
  const headers = { authorization: `Bearer ${key.key}` };
  const post = async (body: string): Promise<CaptureJob> => {
    const response = await fetch(`${url}/epcis/capture`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/ld+json' },
      body,
    });
    if (response.status !== 202) throw new Error(`bench capture refused: ${response.status} ${(await response.text()).slice(0, 300)}`);
    return (await response.json()) as CaptureJob;
  };
  /** When the last of the jobs finished (epoch ms), once none is running; each job checked to have stored every event. */
  const finished = async (jobs: CaptureJob[]): Promise<number> => {
    const ends: number[] = [];
    for (const { captureID } of jobs) {
      for (;;) {
        const job = (await (await fetch(`${url}/epcis/capture/${captureID}`, { headers })).json()) as CaptureJob;
        if (!job.running) {
          if (!job.success || job.capturedCount !== EVENTS_PER_DOCUMENT)
            throw new Error(`bench capture failed: ${JSON.stringify(job).slice(0, 300)}`);
          ends.push(Date.parse(job.finishedAt!));
          break;
        }
        // Polled seldom (each poll is a request the portal answers meanwhile), so the bench takes
        // little from the capture: the time is the job's own finishedAt.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    return Math.max(...ends);
  };
  const bodies = () => Array.from({ length: CAPTURE_DOCUMENTS }, () => JSON.stringify(captureDocument(paths).document));

  // One document first warms the path up (its code compiled, its statements planned).
  await finished([await post(bodies()[0]!)]);

  const backlog = bodies();
  const backlogStarted = Date.now();
  const accepted: CaptureJob[] = [];
  for (const body of backlog) accepted.push(await post(body));
  const backlogMs = (await finished(accepted)) - backlogStarted;

  let oneByOneMs = 0;
  for (const body of bodies()) {
    const started = Date.now();
    oneByOneMs += (await finished([await post(body)])) - started;
  }
  return { backlogMs, oneByOneMs };
}

/** The capture cases next to the plain INSERT of the same rows on the same database, and P2's goals. */
export function printCapture({ backlogMs, oneByOneMs }: CaptureTimes, insertMs: number): void {
  const events = CAPTURE_DOCUMENTS * EVENTS_PER_DOCUMENT;
  const row = (name: string, ms: number) => ({
    case: name,
    'events/s': Math.round(events / (ms / 1000)),
    'ms per document': Math.round(ms / CAPTURE_DOCUMENTS),
  });
  console.log(
    `EPCIS capture of ${CAPTURE_DOCUMENTS} documents of ${EVENTS_PER_DOCUMENT} events each (schema, portal rules, hash chain, identifiers, audit, one transaction each):`,
  );
  console.table([
    row('POST /epcis/capture, a backlog: sent back to back', backlogMs),
    row('POST /epcis/capture, one at a time: POST to job finished', oneByOneMs),
    row('plain multi-row INSERT of the same rows', insertMs),
  ]);
  const perSecond = events / (backlogMs / 1000);
  const ratio = insertMs / backlogMs;
  console.log(
    `P2 (the backlog): ${Math.round(perSecond)} events/s (goal ≥ ${P2_EVENTS_PER_SECOND}: ${perSecond >= P2_EVENTS_PER_SECOND ? 'met' : 'not met'}), ` +
      `${ratio.toFixed(2)}× the plain INSERT (goal ≥ ${P2_RATIO}: ${ratio >= P2_RATIO ? 'met' : 'not met'}); ` +
      `one document at a time: ${(insertMs / oneByOneMs).toFixed(2)}×.`,
  );
}
