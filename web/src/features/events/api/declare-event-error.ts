import type { DeclareEventErrorRequest, ErrorDeclarationView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/events/{id}/error-declaration` (201): "this is wrong", with the corrected event if given. */
export function declareEventError(eventId: string, body: DeclareEventErrorRequest, options: RequestOptions): Promise<ErrorDeclarationView> {
  return apiRequest<ErrorDeclarationView>('POST', `/api/events/${encodeURIComponent(eventId)}/error-declaration`, { ...options, body });
}
