import { StrictMode, type ReactNode } from 'react';
import { SessionCheck } from '@/lib/auth';
import { I18nProvider } from '@/lib/i18n';

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <StrictMode>
      <I18nProvider>
        <SessionCheck />
        {children}
      </I18nProvider>
    </StrictMode>
  );
}
