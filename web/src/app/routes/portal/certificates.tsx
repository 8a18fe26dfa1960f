import { Card } from '@/components/ui/card';
import { QueryResult } from '@/components/ui/query-result';
import { useBusiness } from '@/lib/api/get-business';
import { CertificatesSection } from '@/features/businesses/components/certificates-section';
import { ReadOnlyNote } from '@/components/ui/read-only-note';
import { usePortalBusiness } from '@/lib/use-portal-business';
import { useT } from '@/lib/i18n';

/** The business's own certificates: validity at a glance, documents, add and delete for owners. */
export default function CertificatesRoute() {
  const t = useT();
  const membership = usePortalBusiness();
  const business = useBusiness(membership.businessId);
  const canManage = membership.role === 'owner';
  return (
    <div className="page" data-testid="certificates-page">
      <header className="page__header">
        <h1 className="page__title">{t('certificates.title')}</h1>
        <p className="page__intro">{t('certificates.intro')}</p>
      </header>
      {canManage ? null : <ReadOnlyNote />}
      <Card title={t('certificates.title')}>
        <QueryResult query={business} loadingLabel={t('certificates.loading')} retry>
          {(view) => (
            <CertificatesSection
              businessId={membership.businessId}
              holder={{ kind: 'business', id: membership.businessId }}
              certificates={view.certificates}
              canManage={canManage}
              onChange={(certificates) => business.setData((b) => ({ ...b, certificates }))}
            />
          )}
        </QueryResult>
      </Card>
    </div>
  );
}
