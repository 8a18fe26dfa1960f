import { StrictMode, type ReactNode } from 'react';
import type { PageData } from '@nguon/shared';
import { SessionCheck } from '@/lib/auth';
import { I18nProvider } from '@/lib/i18n';
import { PageDataProvider } from '@/lib/page-data';
// Registers the consumer pages' texts as it loads.
import './messages';

/** `pageData`: what the server rendered the page from, when it did (the same on both sides). */
export function AppProviders({ pageData = null, children }: { pageData?: PageData | null; children: ReactNode }) {
  return (
    <StrictMode>
      <I18nProvider serverLocale={pageData?.locale}>
        <PageDataProvider value={pageData}>
          <SessionCheck />
          {children}
        </PageDataProvider>
      </I18nProvider>
    </StrictMode>
  );
}
