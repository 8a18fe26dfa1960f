import { Link, useParams } from 'react-router';
import type { BatchView } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { FormError } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { Spinner } from '@/components/ui/spinner';
import { usePublicBatch } from '@/features/public-view/api/get-public-batch';
import { useLocations } from '@/lib/api/list-locations';
import { RecordsVerified } from '@/features/public-view/components/records-verified';
import { BatchStatusBadge } from '@/components/ui/batch-status-badge';
import { RecallActions } from '@/features/inspector/components/recall-actions';
import { LabelsCard } from '@/features/labels/components/labels-card';
import { useBatch } from '@/features/batches/api/get-batch';
import { BatchFactsCard } from '@/features/batches/components/batch-facts-card';
import { BatchesBreadcrumb } from '@/features/batches/components/batches-breadcrumb';
import { BatchScansCard } from '@/features/batches/components/batch-scans-card';
import { BatchTimeline } from '@/features/batches/components/batch-timeline';
import { portalPath, usePortalBusiness } from '@/lib/use-portal-business';
import { CorrectEventAction } from '@/features/events/components/correct-event-action';
import { RecordActions } from '@/features/events/components/record-actions';
import { useLocale, useT } from '@/lib/i18n';

function BatchPage({ batch, onChanged }: { batch: BatchView; onChanged: () => void }) {
  const t = useT();
  const { l } = useLocale();
  const membership = usePortalBusiness();
  const publicView = usePublicBatch(batch.id, null);
  const locations = useLocations(membership.businessId);
  const places = locations.status === 'success' ? locations.data.items : [];
  const productName = publicView.status === 'success' ? publicView.data.product.name : null;
  const own = batch.businessId === membership.businessId;
  return (
    <article className="page batches-detail" data-testid="portal-batch" data-batch-id={batch.id}>
      <title>{`${productName ? `${l(productName)} · ` : ''}${batch.lotCode} | ${membership.businessName} | ${t('app.name')}`}</title>
      <BatchesBreadcrumb businessId={membership.businessId} current={batch.lotCode} />
      <header className="page__header batches-detail__header">
        <h1 className="page__title">
          {productName ? `${l(productName)} · ` : ''}
          <span className="code">{batch.lotCode}</span>
        </h1>
        <p className="batches-detail__status">
          <BatchStatusBadge status={batch.status} />
          {batch.displayName ? <span>{batch.displayName}</span> : null}
        </p>
        <RecordsVerified batchId={batch.id} />
      </header>
      <RecordActions batch={batch} />
      <div className="page__columns">
        <div className="page__column">
          <BatchFactsCard batch={batch} productName={productName} origin={places.find((p) => p.id === batch.originLocationId)} />
          <BatchTimeline
            batch={batch}
            business={{ id: membership.businessId, name: membership.businessName }}
            locations={places}
            details={publicView.status === 'success' ? publicView.data.timeline : []}
            renderCorrection={(event) => <CorrectEventAction batch={batch} event={event} />}
          />
        </div>
        <div className="page__column">
          {own ? <BatchScansCard batchId={batch.id} /> : null}
          <LabelsCard batch={batch} />
          {own && membership.role === 'owner' ? (
            <Card title={t('inspector.recall.title')} intro={t('batches.detail.recallIntro')} data-testid="owner-recall">
              <RecallActions batchId={batch.id} lotCode={batch.lotCode} recalled={batch.status === 'recalled'} onChanged={onChanged} />
            </Card>
          ) : null}
        </div>
      </div>
    </article>
  );
}

/** `/portal/:businessId/batches/:batchId`: the batch's facts, stages, integrity, scans and labels. */
export default function BatchDetailRoute() {
  const t = useT();
  const { batchId = '' } = useParams();
  const { businessId } = usePortalBusiness();
  const batch = useBatch(batchId);
  if (batch.status === 'loading') return <Spinner label={t('batches.detail.loading')} />;
  if (batch.status === 'error') {
    const missing = batch.error.code === 'BATCH_NOT_FOUND' || batch.error.code === 'NOT_FOUND';
    return (
      <div className="page" data-testid="portal-batch-error">
        {missing ? <Notice tone="warning">{t('batches.detail.notFound')}</Notice> : <FormError error={batch.error} />}
        <p>
          <Link to={portalPath(businessId, '/batches')}>{t('batches.detail.back')}</Link>
        </p>
      </div>
    );
  }
  return <BatchPage batch={batch.data} onChanged={batch.reload} />;
}
