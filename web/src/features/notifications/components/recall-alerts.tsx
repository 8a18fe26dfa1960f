import type { NotificationView, RecallNoticeView } from '@nguon/shared';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';
import { acknowledgeNotification, useRecallsInForce } from '../api/notifications';
import { RecallAlert } from './recall-alert';

const inForce = (notice: NotificationView): notice is NotificationView & { recall: RecallNoticeView } =>
  notice.kind === 'recall' && notice.recall !== null && notice.recall.liftedAt === null;

/**
 * The recalls in force that concern the business, first on its overview, whatever else it was
 * told since; nothing while it loads or when there are none (the notifications card says the rest),
 * and the error with a retry when they could not be loaded, since the card leaves them out.
 */
export function RecallAlerts({ businessId }: { businessId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const recalls = useRecallsInForce(businessId);
  const acknowledge = useAction(acknowledgeNotification);
  const [acting, setActing] = useState<string | null>(null);

  const onAcknowledge = async (id: string) => {
    setActing(id);
    const result = await acknowledge.run(businessId, id, { locale });
    if (result.ok) {
      recalls.setData((page) => ({ ...page, items: page.items.map((n) => (n.id === id ? result.value : n)) }));
    }
  };

  if (recalls.status === 'loading') return null;
  if (recalls.status === 'error') {
    return (
      <div className="recall-alerts" data-testid="recall-alerts-error">
        <FormError error={recalls.error} />
        <Button variant="secondary" onClick={recalls.reload}>
          {t('error.retry')}
        </Button>
      </div>
    );
  }
  const alerts = recalls.data.items.filter(inForce);
  if (alerts.length === 0) return null;
  return (
    <div className="recall-alerts" data-testid="recall-alerts">
      {alerts.map((notice) => (
        <RecallAlert
          key={notice.id}
          businessId={businessId}
          notice={notice}
          pending={acknowledge.pending && acting === notice.id}
          error={acting === notice.id ? acknowledge.error : null}
          onAcknowledge={() => void onAcknowledge(notice.id)}
        />
      ))}
    </div>
  );
}
