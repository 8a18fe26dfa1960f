import type { PublicBatchView } from '@nguon/shared';
import { ApiRequestError, getJson, type RequestOptions } from '@/lib/api-client';
import type { ParsedCode } from '../utils/parse-code-input';

/**
 * Asks the GS1 Digital Link resolver (`/01/{gtin}/10/{lot}`, `/01/{gtin}`, `/q/{code}`) for the
 * batch as JSON. 400 INVALID_IDENTIFIER / INVALID_CHECK_DIGIT and 404 BATCH_NOT_FOUND come back
 * as an `ApiRequestError`.
 */
export async function resolveCode(
  code: Extract<ParsedCode, { ok: true }>,
  options: RequestOptions,
): Promise<PublicBatchView> {
  try {
    return await getJson<PublicBatchView>(code.path, options);
  } catch (error) {
    const unknown = error instanceof ApiRequestError && error.code === 'BATCH_NOT_FOUND';
    if (unknown && code.fallbackPath) return getJson<PublicBatchView>(code.fallbackPath, options);
    throw error;
  }
}
