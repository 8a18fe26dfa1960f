import type { FastifyRequest } from 'fastify';
import type { Stage } from '@nguon/shared';

/** Stages only the batch's producer records; a business it was shipped to records the rest. */
export const PRODUCER_ONLY_STAGES: ReadonlySet<string> = new Set<Stage>(['planting', 'growing', 'harvesting']);

/** Stages that put a batch in front of buyers, refused once it is recalled. */
export const DISTRIBUTING_STAGES: ReadonlySet<Stage> = new Set(['shipping', 'retail']);

/** For the access rule: may a business the batch was shipped to record this request's stage? */
export function recipientsMayRecord(request: FastifyRequest): boolean {
  const stage = (request.body as { stage?: unknown } | undefined)?.stage;
  return typeof stage === 'string' && !PRODUCER_ONLY_STAGES.has(stage);
}
