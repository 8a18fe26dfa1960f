import type { Answer } from '../common/http/answer.js';
import { CONSUMER_CACHE_CONTROL, etagMatches } from '../common/http/consumer-caching.js';
import type { PublicBatchJson } from '../public-view/public-batch.service.js';

/** A consumer view with its ETag, or 304 when the client already holds it. */
export function publicBatchAnswer(json: PublicBatchJson, ifNoneMatch: string | undefined): Answer {
  const headers = { etag: json.etag, 'cache-control': CONSUMER_CACHE_CONTROL };
  if (etagMatches(ifNoneMatch, json.etag)) return { status: 304, headers };
  return { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: json.body };
}
