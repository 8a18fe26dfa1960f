import { Link, useParams } from 'react-router';
import { SINGLE_BATCH_STAGES, STAGES } from '@nguon/shared';
import { FormError } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { Spinner } from '@/components/ui/spinner';
import { portalPath, usePortalBusiness } from '@/lib/use-portal-business';
import { useLocations } from '@/lib/api/list-locations';
import { useBatch } from '@/features/batches/api/get-batch';
import { useBatchEvents } from '@/features/batches/api/list-batch-events';
import { useBatchBalance } from '@/features/events/api/get-batch-balance';
import { RecordStageForm } from '@/features/events/components/record-stage-form';
import { initialValues, lastPlace, type RecordableStage } from '@/features/events/utils/stage-values';
import { useLocale, useT } from '@/lib/i18n';
import '@/features/events/events.css';

const isStage = (value: string): value is RecordableStage => (SINGLE_BATCH_STAGES as string[]).includes(value);

/** `/portal/:businessId/batches/:batchId/record/:stage`: one stage's guided form for one batch. */
export default function RecordStageRoute() {
  const t = useT();
  const { l } = useLocale();
  const { batchId = '', stage = '' } = useParams();
  const { businessId, businessName } = usePortalBusiness();
  const batch = useBatch(batchId);
  // The first 100 records: where the business last was with the batch.
  const events = useBatchEvents(batchId, { limit: 100, offset: 0 });
  const locations = useLocations(businessId);
  // What remains of the batch for this business: what a shipment starts from and is checked against.
  const balance = useBatchBalance(batchId);
  const batchPath = portalPath(businessId, `/batches/${encodeURIComponent(batchId)}`);
  const back = (
    <p className="page__aside">
      <Link to={batchPath}>{t('events.backToBatch')}</Link>
    </p>
  );

  if (!isStage(stage)) {
    return (
      <div className="page">
        <Notice tone="warning">{t('events.unknownStage')}</Notice>
        {back}
      </div>
    );
  }
  const failed = [batch, events, locations].find((q) => q.status === 'error');
  if (failed?.status === 'error') {
    return (
      <div className="page">
        <FormError error={failed.error} />
        {back}
      </div>
    );
  }
  if (batch.status !== 'success' || events.status !== 'success' || locations.status !== 'success' || balance.status === 'loading')
    return <Spinner label={t('events.loading')} />;

  const places = locations.data.items;
  // Without a balance (it could not be read) the form starts from the batch's quantity and the server still checks.
  const lines = balance.status === 'success' ? balance.data.lines : [];
  const title = l(STAGES[stage].label);
  return (
    <div className="page events-page" data-testid="record-stage-page">
      <title>{`${title} · ${batch.data.lotCode} | ${businessName} | ${t('app.name')}`}</title>
      {back}
      <header className="page__header">
        <h1 className="page__title">
          {title} · <span className="code">{batch.data.lotCode}</span>
        </h1>
        <p className="events-intro">{t(`events.stage.${stage}.intro`)}</p>
      </header>
      <RecordStageForm
        key={stage}
        stage={stage}
        batch={batch.data}
        businessId={businessId}
        locations={places}
        lines={lines}
        initial={initialValues(stage, batch.data, lastPlace(events.data.items, businessId, batch.data, places), lines)}
      />
    </div>
  );
}
