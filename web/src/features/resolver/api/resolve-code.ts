import type { PublicBatchView, PublicProductView } from '@nguon/shared';
import { getJson, type RequestOptions } from '@/lib/api-client';

export type ResolvedCode = { kind: 'batch'; batch: PublicBatchView } | { kind: 'product'; product: PublicProductView };

/**
 * Asks the GS1 Digital Link resolver (`/01/{gtin}/10/{lot}`, `/01/{gtin}`, `/q/{code}`) for JSON:
 * a batch, or for a GTIN without a lot the product with its recent batches. 400
 * INVALID_IDENTIFIER / INVALID_CHECK_DIGIT and 404 BATCH_NOT_FOUND / PRODUCT_NOT_FOUND come back
 * as an `ApiRequestError`.
 */
export async function resolveCode(path: string, options: RequestOptions): Promise<ResolvedCode> {
  const body = await getJson<PublicBatchView | PublicProductView>(path, options);
  return 'batches' in body ? { kind: 'product', product: body } : { kind: 'batch', batch: body };
}

/** Where the consumer page of a resolved code is, and the data to hand it so it shows at once. */
export function pageOf(resolved: ResolvedCode): { to: string; state: ResolvedCode } {
  const to =
    resolved.kind === 'batch'
      ? `/batches/${encodeURIComponent(resolved.batch.id)}`
      : `/products/${encodeURIComponent(resolved.product.product.id)}`;
  return { to, state: resolved };
}

/** The resolved code the home page handed over in the navigation state, if any. */
export function resolvedFromState(state: unknown): ResolvedCode | null {
  if (typeof state !== 'object' || state === null || !('kind' in state)) return null;
  const resolved = state as ResolvedCode;
  return resolved.kind === 'batch' || resolved.kind === 'product' ? resolved : null;
}
