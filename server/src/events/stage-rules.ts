import type { FastifyRequest } from 'fastify';
import { DISTRIBUTING_STAGES as DISTRIBUTING, PRODUCER_ONLY_STAGES as PRODUCER_ONLY } from '@nguon/shared';

/** The shared stage rules (one list for the server and the web), as sets for the server's checks. */
export const PRODUCER_ONLY_STAGES: ReadonlySet<string> = new Set(PRODUCER_ONLY);
export const DISTRIBUTING_STAGES: ReadonlySet<string> = new Set(DISTRIBUTING);

/** Stages whose quantity leaves the business's holding of the batch (shipped, sold): checked against what remains. */
export const OUTFLOW_STAGES: ReadonlySet<string> = new Set(['shipping', 'retail']);

/** For the access rule: may a business the batch was shipped to record this request's stage? */
export function recipientsMayRecord(request: FastifyRequest): boolean {
  const stage = (request.body as { stage?: unknown } | undefined)?.stage;
  return typeof stage === 'string' && !PRODUCER_ONLY_STAGES.has(stage);
}
