import type { HttpClient, HttpResponse } from './http.js';

/** An error or warning of a capture job. */
export interface CaptureProblemView {
  eventIndex: number | null;
  eventId: string | null;
  pointer: string;
  code: string;
  message: string;
  [field: string]: unknown;
}

/** A capture job as GET /epcis/capture/{id} answers. */
export interface CaptureJob {
  captureID: string;
  running: boolean;
  success: boolean;
  status: string;
  eventCount: number;
  capturedCount: number;
  processedCount: number;
  errors: CaptureProblemView[];
  warnings: CaptureProblemView[];
  [field: string]: unknown;
}

/**
 * Asks GET /epcis/capture/{id} until the job has finished (`running: false`): POST /epcis/capture
 * answers 202 as soon as the document is queued, and a worker captures it afterwards.
 */
export async function finishedCaptureJob(http: HttpClient, captureId: string, token: string, timeoutMs = 120_000): Promise<CaptureJob> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
    const job = await http.get<CaptureJob>(`/epcis/capture/${captureId}`, { token });
    // 503: the embedded database's one connection was held by the run for longer than the request may wait.
    if (job.status === 503 && Date.now() < deadline) continue;
    if (job.status !== 200) throw new Error(`GET /epcis/capture/${captureId} answered ${job.status}: ${JSON.stringify(job.body)}`);
    if (!job.body.running) return job.body;
    if (Date.now() > deadline) throw new Error(`capture job ${captureId} still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * POST /epcis/capture, and when the document was taken (202), its job once finished in place of
 * the body; the status and headers stay the POST's. Any other answer is returned as it came.
 */
export async function captureAndWait<T = CaptureJob>(
  http: HttpClient,
  document: unknown,
  options: { token: string; headers?: Record<string, string> },
): Promise<HttpResponse<T>> {
  const response = await http.post('/epcis/capture', document, { token: options.token, headers: options.headers });
  if (response.status !== 202) return response as HttpResponse<T>;
  const job = await finishedCaptureJob(http, (response.body as CaptureJob).captureID, options.token);
  return { ...response, body: job as T };
}

/** `count` storing events, each with its own eventID, naming the lots `epcClassesOf(n)` gives, n + 1 kg of each. */
export function storingEvents(count: number, epcClassesOf: (n: number) => string[]): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, n) => ({
    type: 'ObjectEvent',
    eventID: `urn:uuid:${crypto.randomUUID()}`,
    action: 'OBSERVE',
    bizStep: 'storing',
    eventTime: new Date(Date.UTC(2026, 9, 1, 0, 0, n % 60)).toISOString(),
    eventTimeZoneOffset: '+07:00',
    epcList: [],
    quantityList: epcClassesOf(n).map((epcClass) => ({ epcClass, quantity: n + 1, uom: 'KGM' })),
  }));
}

/** An EPCIS 2.0 document of these events. */
export function epcisDocument(
  eventList: Record<string, unknown>[],
): Record<string, unknown> & { epcisBody: { eventList: Record<string, unknown>[] } } {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-11-01T00:00:00Z',
    epcisBody: { eventList },
  };
}

/** A document of `count` storing events on one lot. */
export const documentOf = (count: number, epcClass: string) => epcisDocument(storingEvents(count, () => [epcClass]));
