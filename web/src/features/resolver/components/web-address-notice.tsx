import { Notice } from '@/components/ui/notice';
import { useT } from '@/lib/i18n';

/**
 * A scanned QR code that is only a web address (another system's, an advert, a phishing page):
 * shown as what it is, and opened only if the person chooses to.
 */
export function WebAddressNotice({ url }: { url: string }) {
  const t = useT();
  return (
    <Notice tone="warning" className="web-address" data-testid="web-address">
      <p className="web-address__title">
        <strong>{t('scan.webAddress.title')}</strong>
      </p>
      <p className="web-address__url">{url}</p>
      <p>{t('scan.webAddress.text')}</p>
      <a className="button button--secondary" href={url} target="_blank" rel="noopener noreferrer nofollow">
        {t('scan.webAddress.open')}
      </a>
    </Notice>
  );
}
