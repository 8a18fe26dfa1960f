import { useState, type FormEvent } from 'react';
import { DEFAULT_WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES, type CreatedWebhook, type WebhookEventType, type WebhookView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { QueryResult } from '@/components/ui/query-result';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useRequestErrorMessage } from '@/lib/error-message';
import { DEFAULT_OFFSET, formatEventTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { createWebhook, removeWebhook, useWebhooks } from '../api/webhooks';

/** What became of the latest delivery: delivered, refused (an internal address) or failed; never the receiver's answer. */
function LastDelivery({ delivery }: { delivery: NonNullable<WebhookView['lastDelivery']> }) {
  const t = useT();
  const { locale } = useLocale();
  const time = (iso: string) => formatEventTime(iso, DEFAULT_OFFSET, locale);
  return (
    <>
      <p className="muted" data-testid="webhook-delivery" data-status={delivery.status}>
        {t('webhooks.last', {
          status: t(`webhooks.status.${delivery.status}`),
          time: time(delivery.at),
          attempts: delivery.attempts,
        })}
        {delivery.nextAttemptAt ? ` ${t('webhooks.retry', { time: time(delivery.nextAttemptAt) })}` : null}
      </p>
      {delivery.status === 'refused' ? <p className="muted">{t('webhooks.refusedHint')}</p> : null}
    </>
  );
}

/**
 * Where the business's own systems hear of recalls and of the transparency log's daily
 * checkpoints, as each webhook chooses: add (the secret shown once), remove. Owners only.
 */
export function WebhooksCard({ businessId }: { businessId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const message = useRequestErrorMessage();
  const webhooks = useWebhooks(businessId);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(DEFAULT_WEBHOOK_EVENTS);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [removing, setRemoving] = useState<WebhookView | null>(null);
  const add = useAction(createWebhook);
  const remove = useAction(removeWebhook);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const problems = {
      ...(url.trim() === '' ? { url: t('form.required') } : {}),
      ...(events.length === 0 ? { events: t('webhooks.eventsRequired') } : {}),
    };
    void submitForm(event, {
      problems,
      send: () => add.run(businessId, { url: url.trim(), events }, { locale }),
      onSent: (webhook) => {
        setUrl('');
        setEvents(DEFAULT_WEBHOOK_EVENTS);
        setCreated(webhook);
        const { secret: _secret, ...view } = webhook;
        webhooks.setData((list) => [view, ...list]);
      },
    });
  };

  const onRemove = async () => {
    if (!removing) return;
    const result = await remove.run(businessId, removing.id, { locale });
    if (!result.ok) return;
    webhooks.setData((list) => list.filter((w) => w.id !== removing.id));
    setRemoving(null);
  };

  return (
    <Card title={t('webhooks.title')} intro={t('webhooks.intro')} data-testid="webhooks">
      {created ? (
        <Notice tone="success" role="status" data-testid="webhook-secret">
          <p>{t('webhooks.secret')}</p>
          <p className="code">{created.secret}</p>
          <CopyButton text={created.secret} />
        </Notice>
      ) : null}
      <QueryResult query={webhooks} loadingLabel={t('webhooks.loading')}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('webhooks.empty')}</p>
          ) : (
            <ul className="row-list" aria-label={t('webhooks.title')}>
              {list.map((webhook) => (
                <li key={webhook.id} className="row" data-testid="webhook-row">
                  <div className="row__main">
                    <p className="row__title code">{webhook.url}</p>
                    <p className="muted" data-testid="webhook-events">
                      {webhook.events.map((type) => t(`webhooks.event.${type}`)).join(', ')}
                    </p>
                    {webhook.lastDelivery ? <LastDelivery delivery={webhook.lastDelivery} /> : null}
                  </div>
                  <div className="row__actions">
                    <Button variant="secondary" className="button--small" onClick={() => setRemoving(webhook)}>
                      {t('webhooks.remove')}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryResult>
      <form className="form form--inline" onSubmit={onSubmit} noValidate aria-busy={add.pending}>
        <TextField
          label={t('webhooks.url')}
          hint={`${t('webhooks.urlRule')} ${t('webhooks.urlHint')}`}
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          error={fieldErrorOf(add.error, 'url')}
          maxLength={2000}
          required
        />
        <CheckboxGroup
          legend={t('webhooks.events')}
          name="events"
          options={WEBHOOK_EVENT_TYPES.map((type) => ({
            value: type,
            label: t(`webhooks.event.${type}`),
            description: t(`webhooks.event.${type}.hint`),
          }))}
          value={events}
          onChange={setEvents}
          error={events.length === 0 ? t('webhooks.eventsRequired') : fieldErrorOf(add.error, 'events')}
        />
        <FormError error={add.error} shownFields={['url', 'events']} />
        <SubmitButton pending={add.pending}>{t('webhooks.add')}</SubmitButton>
      </form>
      <ConfirmDialog
        open={removing !== null}
        title={t('webhooks.remove')}
        confirmLabel={t('webhooks.remove')}
        cancelLabel={t('form.cancel')}
        tone="danger"
        pending={remove.pending}
        error={remove.error ? message(remove.error) : null}
        onConfirm={() => void onRemove()}
        onClose={() => setRemoving(null)}
      >
        {removing ? <p>{t('webhooks.removeConfirm', { url: removing.url })}</p> : null}
      </ConfirmDialog>
    </Card>
  );
}
