import type { AuditEntryView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { DEFAULT_OFFSET, formatEventTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import type { AuditFilterValues } from '../utils/audit-filters';

interface AuditListProps {
  entries: readonly AuditEntryView[];
  /** Narrows the log to one value of an entry (its user, business, target or action). */
  onFilter: (filter: Partial<AuditFilterValues>) => void;
}

/** One entry per write: when, what, by whom, on what, from where; the details on demand. */
export function AuditList({ entries, onFilter }: AuditListProps) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <ol className="row-list audit-list">
      {entries.map((entry) => {
        const details = Object.keys(entry.details).length ? JSON.stringify(entry.details, null, 2) : null;
        return (
          <li
            key={entry.id}
            className="row audit-row"
            data-testid="audit-row"
            data-action={entry.action}
            data-target-id={entry.targetId ?? ''}
          >
            <div className="row__main">
              <p className="audit-row__head">
                <time dateTime={entry.occurredAt} className="audit-row__time">
                  {formatEventTime(entry.occurredAt, DEFAULT_OFFSET, locale)}
                </time>
                <button type="button" className="chip code" onClick={() => onFilter({ action: entry.action })} title={t('audit.filterBy')}>
                  {entry.action}
                </button>
              </p>
              <dl className="facts facts--compact">
                <div className="facts__row">
                  <dt>{t('audit.actor')}</dt>
                  <dd>
                    {entry.userId ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onFilter({ userId: entry.userId ?? '' })}
                        title={t('audit.filterBy')}
                      >
                        {entry.userEmail ?? entry.userId}
                      </button>
                    ) : entry.apiKeyId ? (
                      <span>
                        {t('audit.apiKey')} <span className="code">{entry.apiKeyId.slice(0, 8)}</span>
                      </span>
                    ) : (
                      <span className="muted">{t('audit.system')}</span>
                    )}
                  </dd>
                </div>
                {entry.businessId ? (
                  <div className="facts__row">
                    <dt>{t('audit.business')}</dt>
                    <dd>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onFilter({ businessId: entry.businessId ?? '' })}
                        title={t('audit.filterBy')}
                      >
                        {entry.businessName ?? entry.businessId}
                      </button>
                    </dd>
                  </div>
                ) : null}
                <div className="facts__row">
                  <dt>{t('audit.targetLabel')}</dt>
                  <dd>
                    <span>{entry.targetType}</span>
                    {entry.targetId ? (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="link-button code code--wrap"
                          onClick={() => onFilter({ targetId: entry.targetId ?? '' })}
                          title={t('audit.filterBy')}
                        >
                          {entry.targetId}
                        </button>
                      </>
                    ) : null}
                  </dd>
                </div>
              </dl>
              <details className="audit-row__details">
                <summary>{t('audit.details')}</summary>
                <dl className="facts facts--compact">
                  {entry.clientAddress ? (
                    <div className="facts__row">
                      <dt>{t('audit.clientAddress')}</dt>
                      <dd className="code">{entry.clientAddress}</dd>
                    </div>
                  ) : null}
                  {entry.requestId ? (
                    <div className="facts__row">
                      <dt>{t('audit.requestId')}</dt>
                      <dd className="code code--wrap">{entry.requestId}</dd>
                    </div>
                  ) : null}
                  {entry.clientRequestId ? (
                    <div className="facts__row">
                      <dt>{t('audit.clientRequestId')}</dt>
                      <dd className="code code--wrap">{entry.clientRequestId}</dd>
                    </div>
                  ) : null}
                  {entry.apiKeyId ? (
                    <div className="facts__row">
                      <dt>{t('audit.apiKey')}</dt>
                      <dd className="code code--wrap">{entry.apiKeyId}</dd>
                    </div>
                  ) : null}
                </dl>
                {details ? <pre className="code">{details}</pre> : null}
              </details>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export function AuditEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const t = useT();
  return (
    <div className="muted" data-testid="audit-empty">
      <p>{t(filtered ? 'audit.emptyFiltered' : 'audit.empty')}</p>
      {filtered ? (
        <Button variant="secondary" onClick={onClear}>
          {t('audit.clear')}
        </Button>
      ) : null}
    </div>
  );
}
