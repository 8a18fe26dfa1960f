import type { Answer } from '../common/http/answer.js';
import { CONSUMER_CACHE_CONTROL, etagMatches } from '../common/http/consumer-caching.js';
import type { PublicBatchJson } from '../public-view/public-batch.service.js';
import { JSON_TYPE } from './resolver-answers.js';

/** A consumer view with its ETag, or 304 when the client already holds it. */
export function publicBatchAnswer(json: PublicBatchJson, ifNoneMatch: string | undefined): Answer {
  const { etag, body } = json;
  if (etagMatches(ifNoneMatch, etag)) return { status: 304, headers: { etag, 'cache-control': CONSUMER_CACHE_CONTROL } };
  return { status: 200, headers: { etag, 'cache-control': CONSUMER_CACHE_CONTROL, 'content-type': JSON_TYPE }, body };
}
