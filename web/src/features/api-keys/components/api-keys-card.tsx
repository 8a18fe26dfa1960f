import { useState } from 'react';
import type { ApiKeyView, CreatedApiKey } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Notice } from '@/components/ui/notice';
import { QueryResult } from '@/components/ui/query-result';
import { useRequestErrorMessage } from '@/lib/error-message';
import { DEFAULT_OFFSET, formatEventTime, formatInstantDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';
import { useApiKeys } from '../api/list-api-keys';
import { revokeApiKey } from '../api/revoke-api-key';
import { rotateApiKey } from '../api/rotate-api-key';
import { CreateApiKeyForm } from './create-api-key-form';
import { CreatedApiKeyPanel } from './created-api-key';

type Pending = { kind: 'rotate' | 'revoke'; key: ApiKeyView };

/** Active keys first, newest first; revoked ones after them. */
function ordered(keys: readonly ApiKeyView[]): ApiKeyView[] {
  return [...keys].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt));
}

/** A business's machine credentials: list, create (the secret shown once), rotate, revoke. */
export function ApiKeysCard({ businessId }: { businessId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const message = useRequestErrorMessage();
  const keys = useApiKeys(businessId);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const change = useAction(async ({ kind, key }: Pending) =>
    kind === 'rotate' ? rotateApiKey(businessId, key.id, { locale }) : revokeApiKey(businessId, key.id, { locale }),
  );

  const onCreated = (key: CreatedApiKey) => {
    const { key: _secret, ...view } = key;
    keys.setData((list) => [view, ...list.filter((k) => k.id !== key.id)]);
    setNote(null);
    setCreated(key);
  };

  const onConfirm = async () => {
    if (!pending) return;
    const result = await change.run(pending);
    if (!result.ok) return;
    const now = new Date().toISOString();
    if (pending.kind === 'rotate' && result.value) {
      const rotated = result.value;
      keys.setData((list) => [...list.map((k) => (k.id === pending.key.id ? { ...k, revokedAt: k.revokedAt ?? now } : k))]);
      onCreated(rotated);
    } else {
      keys.setData((list) => list.map((k) => (k.id === pending.key.id ? { ...k, revokedAt: k.revokedAt ?? now } : k)));
      setNote(t('apiKeys.revoked', { name: pending.key.name }));
    }
    setPending(null);
    // The server's own view of the list (revocation times, the rotated key) replaces the guess.
    keys.reload();
  };

  const when = (iso: string) => formatEventTime(iso, DEFAULT_OFFSET, locale);

  return (
    <Card title={t('apiKeys.title')} intro={t('apiKeys.intro')} data-testid="api-keys">
      {created ? <CreatedApiKeyPanel created={created} onDone={() => setCreated(null)} /> : null}
      {note ? (
        <Notice tone="success" role="status">
          {note}
        </Notice>
      ) : null}
      <QueryResult query={keys} loadingLabel={t('apiKeys.loading')}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted" data-testid="api-keys-empty">
              {t('apiKeys.empty')}
            </p>
          ) : (
            <ul className="row-list" aria-label={t('apiKeys.title')}>
              {ordered(list).map((key) => (
                <li
                  key={key.id}
                  className={['row', key.revokedAt ? 'row--inactive' : null].filter(Boolean).join(' ')}
                  data-testid="api-key-row"
                  data-key-id={key.id}
                  data-revoked={key.revokedAt ? 'true' : 'false'}
                >
                  <div className="row__main">
                    <p className="row__title">
                      {key.name}{' '}
                      {key.revokedAt ? (
                        <Badge tone="danger" data-testid="api-key-revoked">
                          {t('apiKeys.revokedBadge')}
                        </Badge>
                      ) : (
                        <Badge tone="success">{t('apiKeys.activeBadge')}</Badge>
                      )}
                    </p>
                    <dl className="facts facts--compact">
                      <div className="facts__row">
                        <dt>{t('apiKeys.prefix')}</dt>
                        <dd className="code" data-testid="api-key-prefix">
                          {key.prefix}…
                        </dd>
                      </div>
                      <div className="facts__row">
                        <dt>{t('apiKeys.scopes')}</dt>
                        <dd>
                          <ul className="tag-list">
                            {key.scopes.map((scope) => (
                              <li key={scope}>
                                <Badge tone="info">{t(`apiKeys.scope.${scope}`)}</Badge>
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </div>
                      <div className="facts__row">
                        <dt>{t('apiKeys.createdAt')}</dt>
                        <dd>{formatInstantDate(key.createdAt, locale)}</dd>
                      </div>
                      <div className="facts__row">
                        <dt>{t('apiKeys.lastUsed')}</dt>
                        <dd>{key.lastUsedAt ? when(key.lastUsedAt) : t('apiKeys.neverUsed')}</dd>
                      </div>
                      {key.revokedAt ? (
                        <div className="facts__row">
                          <dt>{t('apiKeys.revokedAt')}</dt>
                          <dd>{when(key.revokedAt)}</dd>
                        </div>
                      ) : null}
                    </dl>
                  </div>
                  {key.revokedAt ? null : (
                    <div className="row__actions">
                      <Button
                        variant="secondary"
                        className="button--small"
                        onClick={() => {
                          change.reset();
                          setPending({ kind: 'rotate', key });
                        }}
                        data-testid="rotate-api-key"
                        aria-label={t('apiKeys.rotateLabel', { name: key.name })}
                      >
                        {t('apiKeys.rotate')}
                      </Button>
                      <Button
                        variant="secondary"
                        className="button--small button--danger-outline"
                        onClick={() => {
                          change.reset();
                          setPending({ kind: 'revoke', key });
                        }}
                        data-testid="revoke-api-key"
                        aria-label={t('apiKeys.revokeLabel', { name: key.name })}
                      >
                        {t('apiKeys.revoke')}
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryResult>
      <CreateApiKeyForm businessId={businessId} onCreated={onCreated} />
      <ConfirmDialog
        open={pending !== null}
        title={t(pending?.kind === 'rotate' ? 'apiKeys.rotateTitle' : 'apiKeys.revokeTitle', { name: pending?.key.name ?? '' })}
        confirmLabel={t(pending?.kind === 'rotate' ? 'apiKeys.rotate' : 'apiKeys.revoke')}
        cancelLabel={t('form.cancel')}
        tone="danger"
        pending={change.pending}
        error={change.error ? message(change.error) : null}
        onConfirm={() => void onConfirm()}
        onClose={() => setPending(null)}
        data-testid="api-key-dialog"
      >
        <p>{t(pending?.kind === 'rotate' ? 'apiKeys.rotateText' : 'apiKeys.revokeText')}</p>
      </ConfirmDialog>
    </Card>
  );
}
