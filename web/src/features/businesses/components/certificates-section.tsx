import { useState } from 'react';
import type { CertificateView, CreateCertificateRequest } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Notice } from '@/components/ui/notice';
import { useRequestErrorMessage } from '@/lib/error-message';
import { formatDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';
import { addCertificate } from '../api/add-certificate';
import type { CertificateHolder } from '../api/certificate-holder';
import { removeCertificate } from '../api/remove-certificate';
import { CertificateForm } from './certificate-form';
import { ValidityBadge } from './validity-badge';

interface CertificatesSectionProps {
  businessId: string;
  holder: CertificateHolder;
  certificates: readonly CertificateView[];
  /** Owners add and delete; staff only read. */
  canManage: boolean;
  /** The holder's certificates after a change. */
  onChange: (certificates: CertificateView[]) => void;
}

/** The certificates of a business or a product: validity, issuer, document; add and delete for owners. */
export function CertificatesSection({ businessId, holder, certificates, canManage, onChange }: CertificatesSectionProps) {
  const t = useT();
  const { locale } = useLocale();
  const message = useRequestErrorMessage();
  const [note, setNote] = useState<string | null>(null);
  const [removing, setRemoving] = useState<CertificateView | null>(null);
  const add = useAction((body: CreateCertificateRequest) => addCertificate(holder, body, { locale }));
  const remove = useAction((certificate: CertificateView) => removeCertificate(holder, certificate.id, { locale }));

  const onRemove = async () => {
    if (!removing) return;
    const result = await remove.run(removing);
    if (!result.ok) return;
    onChange(certificates.filter((c) => c.id !== removing.id));
    setNote(t('certificates.removed', { name: removing.name }));
    setRemoving(null);
  };

  return (
    <div className="certificates-section">
      {note ? (
        <Notice tone="success" role="status">
          {note}
        </Notice>
      ) : null}
      {certificates.length === 0 ? (
        <p className="muted">{t('certificates.empty')}</p>
      ) : (
        <ul className="row-list" aria-label={t('certificates.title')}>
          {certificates.map((certificate) => (
            <li key={certificate.id} className="row" data-testid="certificate-row" data-certificate-id={certificate.id}>
              <div className="row__main">
                <p className="row__title">
                  {certificate.name} <ValidityBadge validity={certificate.validity} />
                </p>
                <dl className="facts facts--compact">
                  <div className="facts__row">
                    <dt>{t('certificates.kind')}</dt>
                    <dd>
                      {t(`certs.kind.${certificate.kind}`)}
                      {certificate.stars ? ` · ${t('certificates.starsValue', { stars: certificate.stars })}` : ''}
                      {certificate.number ? ` · ${certificate.number}` : ''}
                    </dd>
                  </div>
                  <div className="facts__row">
                    <dt>{t('certificates.issuer')}</dt>
                    <dd>{certificate.issuer}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>{t('certificates.period')}</dt>
                    <dd>
                      {certificate.validFrom ? `${formatDate(certificate.validFrom, locale)} – ` : ''}
                      {certificate.validTo ? formatDate(certificate.validTo, locale) : t('certificates.noEnd')}
                    </dd>
                  </div>
                </dl>
                {certificate.document ? (
                  <p>
                    <a href={certificate.document.url} target="_blank" rel="noreferrer" data-testid="certificate-document">
                      {t('certificates.openDocument')} ({certificate.document.fileName})
                    </a>
                  </p>
                ) : null}
              </div>
              {canManage ? (
                <div className="row__actions">
                  <Button
                    variant="secondary"
                    className="button--small button--danger-outline"
                    aria-label={t('certificates.removeLabel', { name: certificate.name })}
                    onClick={() => {
                      remove.reset();
                      setRemoving(certificate);
                    }}
                    data-testid="certificate-remove"
                  >
                    {t('certificates.remove')}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <CertificateForm
          businessId={businessId}
          action={add}
          onAdded={(holderView, name) => {
            onChange(holderView.certificates);
            setNote(t('certificates.added', { name }));
          }}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('certificates.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('certificates.remove')}
        cancelLabel={t('form.cancel')}
        tone="danger"
        pending={remove.pending}
        error={remove.error ? message(remove.error) : null}
        onConfirm={() => void onRemove()}
        onClose={() => setRemoving(null)}
        data-testid="certificate-dialog"
      >
        <p>{t('certificates.removeText')}</p>
      </ConfirmDialog>
    </div>
  );
}
