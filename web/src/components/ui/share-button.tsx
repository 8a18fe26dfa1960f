import { useT } from '@/lib/i18n';
import { useHydrated } from '@/lib/use-hydrated';
import { Button } from './button';
import { CopyButton } from './copy-button';
import { ShareIcon } from './icons';

interface ShareButtonProps {
  title: string;
  text: string;
  /** The page's path on this site. */
  path: string;
}

/**
 * Sends a page on (Zalo, Messenger, ...) through the phone's share sheet; where the browser has
 * none, copies its link. Only in the browser: a page without JavaScript has its address bar.
 */
export function ShareButton({ title, text, path }: ShareButtonProps) {
  const t = useT();
  const hydrated = useHydrated();
  if (!hydrated) return null;
  const url = `${window.location.origin}${path}`;
  if (typeof navigator.share !== 'function') return <CopyButton text={url} label={t('share.copyLink')} />;
  return (
    <Button
      variant="secondary"
      data-testid="share-button"
      onClick={() => void navigator.share({ title, text, url }).catch(() => undefined)}
    >
      <ShareIcon />
      {t('share.button')}
    </Button>
  );
}
