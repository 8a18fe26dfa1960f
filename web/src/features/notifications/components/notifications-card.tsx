import type { NotificationView } from '@nguon/shared';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { QueryResult } from '@/components/ui/query-result';
import { DEFAULT_OFFSET, formatEventTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';
import { markNotificationRead, useNotifications } from '../api/notifications';

/**
 * What the portal told this business, newest first, but for the recalls in force: those are the
 * alerts above it (RecallAlerts). The batch link is its public page: the recalled batch may be
 * another business's, and that page shows the recall as consumers see it.
 */
export function NotificationsCard({ businessId }: { businessId: string }) {
  const t = useT();
  const { locale, l } = useLocale();
  const notifications = useNotifications(businessId);
  const markRead = useAction(markNotificationRead);

  const onRead = async (notice: NotificationView) => {
    const result = await markRead.run(businessId, notice.id, { locale });
    if (result.ok) {
      const now = new Date().toISOString();
      notifications.setData((page) => ({ ...page, items: page.items.map((n) => (n.id === notice.id ? { ...n, readAt: now } : n)) }));
    }
  };

  return (
    <Card title={t('notifications.title')} data-testid="notifications">
      <QueryResult query={notifications} loadingLabel={t('notifications.loading')}>
        {(page) => {
          const items = page.items.filter((notice) => !(notice.kind === 'recall' && notice.recall && notice.recall.liftedAt === null));
          return items.length === 0 ? (
            <p className="muted">{t(items.length < page.items.length ? 'notifications.emptyOther' : 'notifications.empty')}</p>
          ) : (
            <ul className="row-list" aria-label={t('notifications.title')}>
              {items.map((notice) => (
                <li
                  key={notice.id}
                  className={['row', notice.readAt ? 'row--inactive' : null].filter(Boolean).join(' ')}
                  data-testid="notification"
                  data-kind={notice.kind}
                >
                  <div className="row__main">
                    <p className="row__title">
                      {l(notice.title)}{' '}
                      {notice.readAt ? null : (
                        <Badge tone={notice.kind === 'recall' ? 'danger' : 'info'}>{t('notifications.unread')}</Badge>
                      )}
                    </p>
                    <p>{l(notice.body)}</p>
                    <p className="muted">
                      <time dateTime={notice.createdAt}>{formatEventTime(notice.createdAt, DEFAULT_OFFSET, locale)}</time>
                    </p>
                  </div>
                  <div className="row__actions">
                    {notice.batchId ? (
                      <Link to={`/batches/${encodeURIComponent(notice.batchId)}`} className="button button--secondary button--small">
                        {t('notifications.batch')}
                      </Link>
                    ) : null}
                    {notice.readAt ? null : (
                      <Button variant="secondary" className="button--small" onClick={() => void onRead(notice)} disabled={markRead.pending}>
                        {t('notifications.markRead')}
                      </Button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryResult>
    </Card>
  );
}
