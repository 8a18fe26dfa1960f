import type { Answer } from '../common/http/answer.js';
import { CONSUMER_CACHE_CONTROL, etagMatches } from '../common/http/consumer-caching.js';
import type { PublicBatchJson } from '../public-view/public-batch.service.js';
import { CORS } from '../common/http/cors.js';
import { JSON_TYPE } from './resolver-answers.js';

/** A consumer view with its ETag, or 304 when the client already holds it; readable from any site (the linkset's traceability link). */
export function publicBatchAnswer(json: PublicBatchJson, ifNoneMatch: string | undefined): Answer {
  const { etag, body } = json;
  const headers = { ...CORS, etag, 'cache-control': CONSUMER_CACHE_CONTROL };
  if (etagMatches(ifNoneMatch, etag)) return { status: 304, headers };
  return { status: 200, headers: { ...headers, 'content-type': JSON_TYPE }, body };
}
