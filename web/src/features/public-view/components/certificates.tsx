import type { CertificateView } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import { useLocale, usePluralT, useT } from '@/lib/i18n';

function Validity({ certificate }: { certificate: CertificateView }) {
  const t = useT();
  const { locale } = useLocale();
  const { validFrom, validTo } = certificate;
  if (!validFrom && !validTo) return null;
  const parts = [
    validFrom ? t('certs.from', { date: formatDate(validFrom, locale) }) : null,
    validTo ? t('certs.until', { date: formatDate(validTo, locale) }) : null,
  ].filter(Boolean);
  return (
    <div className="facts__row">
      <dt>{t('certs.validity')}</dt>
      <dd>{parts.join(' ')}</dd>
    </div>
  );
}

/** The producer's certificates (VietGAP, OCOP, organic...), each marked valid or expired. */
export function Certificates({ certificates }: { certificates: CertificateView[] }) {
  const t = useT();
  const tp = usePluralT();
  if (certificates.length === 0) return null;
  return (
    <Card title={t('certs.title')}>
      <ul className="cert-list" data-testid="certificates">
        {certificates.map((certificate) => (
          <li
            key={certificate.id}
            className={certificate.valid ? 'cert' : 'cert cert--expired'}
            data-testid="certificate"
            data-valid={certificate.valid}
          >
            <div className="cert__head">
              <h3 className="cert__name">{certificate.name}</h3>
              <Badge tone={certificate.valid ? 'success' : 'danger'}>{certificate.valid ? t('certs.valid') : t('certs.expired')}</Badge>
            </div>
            <p className="cert__kind muted">
              {t(`certs.kind.${certificate.kind}`)}
              {certificate.stars ? (
                <>
                  {' · '}
                  <span role="img" aria-label={tp('certs.stars', certificate.stars)} className="cert__stars">
                    {'★'.repeat(certificate.stars)}
                  </span>
                </>
              ) : null}
            </p>
            <dl className="facts facts--compact">
              {certificate.number ? (
                <div className="facts__row">
                  <dt>{t('certs.number')}</dt>
                  <dd className="code">{certificate.number}</dd>
                </div>
              ) : null}
              <div className="facts__row">
                <dt>{t('certs.issuer')}</dt>
                <dd>{certificate.issuer}</dd>
              </div>
              <Validity certificate={certificate} />
            </dl>
            {certificate.document ? (
              <p>
                <a href={certificate.document.url} target="_blank" rel="noopener noreferrer" data-testid="certificate-document">
                  {t('certs.document')}
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
