import type { BatchView } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { usePortalBusiness } from '@/lib/use-portal-business';
import { useT } from '@/lib/i18n';
import { LabelSheetForm } from './label-sheet-form';
import { QrDownloads } from './qr-downloads';
import '../labels.css';

/** A batch's QR code to download, and its label sheets to print (for the business that made it). */
export function LabelsCard({ batch }: { batch: BatchView }) {
  const t = useT();
  const { businessId } = usePortalBusiness();
  return (
    <Card title={t('labels.card.title')} intro={t('labels.card.intro')} className="labels-card" data-testid="labels-card">
      <QrDownloads batch={batch} />
      {batch.status === 'recalled' ? (
        <Notice tone="warning">{t('labels.sheet.recalled')}</Notice>
      ) : batch.businessId === businessId ? (
        <LabelSheetForm batch={batch} />
      ) : (
        <p className="field__hint">{t('labels.sheet.notOwn')}</p>
      )}
    </Card>
  );
}
