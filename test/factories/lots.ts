import { vietnamDay, type BatchView, type DashboardView, type ErrorDeclarationView, type PublicBatchView } from '@nguon/shared';
import { getFrom, newVisitorAddress, pathOf } from '../support/http.js';
import type { Credential, Factory } from './index.js';

const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD, Vietnam) `days` days from today; negative is in the past. */
export function vietnamDate(days = 0): string {
  return vietnamDay(Date.now() + days * DAY_MS);
}

/**
 * Opens the batch's QR code as phones would, `times` phones: each GET of the resolver from another
 * client address is a scan (one address counts once per batch and window). Answers the views.
 */
export async function scanBatch(f: Factory, batch: Pick<BatchView, 'identityUrl'>, times = 1): Promise<PublicBatchView[]> {
  const phone = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';
  const views: PublicBatchView[] = [];
  for (let n = 0; n < times; n++) {
    const response = await getFrom<PublicBatchView>(f.testApp.baseUrl, newVisitorAddress(), pathOf(batch.identityUrl), {
      'user-agent': phone,
    });
    if (response.status !== 200) throw new Error(`scan failed: ${response.status}`);
    views.push(response.body);
  }
  return views;
}

export async function getDashboard(f: Factory, who: Credential, businessId: string): Promise<DashboardView> {
  const response = await f.http.get<DashboardView>(`/api/businesses/${businessId}/dashboard`, { token: who.token });
  if (response.status !== 200) throw new Error(`dashboard failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** "This is wrong" on an event (by its portal id): an error declaration, nothing corrected. */
export async function declareWrong(
  f: Factory,
  who: Credential,
  eventId: string,
  explanation = 'Ghi nhầm lô',
): Promise<ErrorDeclarationView> {
  const response = await f.http.post<ErrorDeclarationView>(
    `/api/events/${eventId}/error-declaration`,
    { reason: 'did_not_occur', explanation },
    { token: who.token },
  );
  if (response.status !== 201) throw new Error(`error declaration failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A code's URL without the issuing business and signature its label carries (decision record 0038): what identifies the batch. */
export const unsignedLabel = (url: string): string => url.replace(/[?&]by=[^&#]*&sig=[^&#]*$/, '');
