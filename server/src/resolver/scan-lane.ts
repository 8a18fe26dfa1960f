import { isUUID } from 'class-validator';
import { compressedByFastify, type MemoryRoute } from '../common/http/memory-lane.js';
import { publicBatchAnswer } from './public-batch-answer.js';
import type { PublicBatchService } from '../public-view/public-batch.service.js';
import { clientClassOf } from './client-class.js';
import { splitUrl } from '../common/http/split-url.js';
import { batchScanAnswer, JSON_TYPE, linkHeader, wanted } from './resolver-answers.js';
import type { ResolverService } from './resolver.service.js';

/**
 * A scan of a batch's Digital Link from memory (the memory lane, decision record 0019): the batch
 * found before by this instance and, for JSON, its view and count in memory. Answers as
 * ResolverAnswers does; the scan is counted once the lane has admitted the request.
 */
export function scanFromMemory(resolver: ResolverService, publicBatches: PublicBatchService): MemoryRoute {
  return (request, url) => {
    const [pathOnly, query] = splitUrl(url);
    const want = wanted(undefined, request.headers.accept);
    // A link type asked for in the query is the route's to read.
    const batchId = want === 'linkset' || query.includes('linkType') ? undefined : resolver.batchFromMemory(url);
    if (batchId === undefined) return undefined;
    const pagePath = resolver.pagePath({ kind: 'batch', batchId, gtin14: null });
    const scan = (clientAddress: string) => resolver.recordScan(batchId, clientAddress, clientClassOf(request.headers['user-agent']));
    const link = linkHeader(pathOnly);
    if (want === 'page') return (clientAddress) => batchScanAnswer(link, query, pagePath, scan(clientAddress));
    const unscanned = publicBatches.jsonFromMemory(batchId);
    if (!unscanned || compressedByFastify(request, { headers: { 'content-type': JSON_TYPE }, body: unscanned.body })) return undefined;
    return (clientAddress) => {
      const scanToken = scan(clientAddress);
      return batchScanAnswer(link, query, pagePath, scanToken, publicBatches.jsonFromMemory(batchId, scanToken)!.body);
    };
  };
}

/** The consumer view (`/api/public/batches/{id}`) from memory, with its ETag, as the Fastify route sends it. */
export function viewFromMemory(publicBatches: PublicBatchService): MemoryRoute {
  return (request, url) => {
    const id = url.slice('/api/public/batches/'.length);
    const json = isUUID(id) ? publicBatches.jsonFromMemory(id) : undefined;
    const answer = json && publicBatchAnswer(json, request.headers['if-none-match']);
    return answer && !compressedByFastify(request, answer) ? () => answer : undefined;
  };
}
