import { hash } from 'node:crypto';
import { eventHashId as hashIdBy, type PreHashOptions } from '@nguon/shared';

/** Node's native SHA-256: about seven times as fast as shared's plain JavaScript one (150-200 ms of a 10,000-row import). */
const nativeSha256Hex = (text: string): string => hash('sha256', text, 'hex');

/** An event's hash id (CBV 2.0 §8.9) as shared's `eventHashId` makes it, by Node's native SHA-256. */
export function eventHashId(event: Record<string, unknown>, context?: unknown, options?: PreHashOptions): string {
  return hashIdBy(event, context, options, nativeSha256Hex);
}
