import { useEffect, useState } from 'react';
import { apiBlob } from '@/lib/api-client';
import { useLocale, useT } from '@/lib/i18n';

/** The consumer's photo, fetched as the inspector (it is not public) and shown from memory. */
export function FlagPhoto({ path }: { path: string }) {
  const t = useT();
  const { locale } = useLocale();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    let objectUrl: string | null = null;
    apiBlob(path, { locale, signal: controller.signal }).then(
      (blob) => {
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      () => setUrl(null),
    );
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [path, locale]);
  return url ? <img className="flag__photo" src={url} alt={t('flags.photo')} data-testid="flag-photo" /> : null;
}
