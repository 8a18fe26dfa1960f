import { StrictMode, type ReactNode } from 'react';
import { I18nProvider } from '@/lib/i18n';

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <StrictMode>
      <I18nProvider>{children}</I18nProvider>
    </StrictMode>
  );
}
