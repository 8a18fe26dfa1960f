import { useEffect, useRef, useState, type FormEvent } from 'react';
import { EventTimeField } from './event-time-field';
import { PlaceField } from './place-field';
import {
  RECEIPT_SHORTFALL_REASON_NAMES,
  RECEIPT_SHORTFALL_REASONS,
  UNITS,
  type IncomingShipmentView,
  type LocationView,
  type ReceiptShortfallReason,
  type ReceiveShipmentRequest,
} from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { formatQuantity } from '@/lib/format';
import { useLocale, useT, type MessageKey } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { receiveShipment } from '../api/receive-shipment';
import { isFuture, toEventTime, vietnamNow } from '../utils/event-time';

interface Values {
  locationId: string;
  quantity: string;
  shortfallReason: ReceiptShortfallReason | '';
  eventTime: string;
  note: string;
}

type Field = keyof Values;

const SERVER_PATHS: Record<Field, string[]> = {
  locationId: ['locationId'],
  quantity: ['quantity'],
  shortfallReason: ['shortfallReason'],
  eventTime: ['eventTime', 'eventTimeZoneOffset'],
  note: ['note'],
};

const number = (text: string) => Number(text.replace(',', '.'));

interface ReceiveShipmentFormProps {
  shipment: IncomingShipmentView;
  businessId: string;
  locations: readonly LocationView[];
  /** The place to start from: where the business last received goods, else its first place. */
  placeId: string | null;
  onReceived: () => void;
  onCancel: () => void;
}

/**
 * Confirming a shipment completes the record: where it arrived (the business's usual place), how
 * much arrived and why less, when (now). Everything starts filled in, so confirming is one more click.
 */
export function ReceiveShipmentForm({ shipment, businessId, locations, placeId, onReceived, onCancel }: ReceiveShipmentFormProps) {
  const t = useT();
  const { locale, l } = useLocale();
  const action = useAction(receiveShipment);
  const [values, setValues] = useState<Values>({
    locationId: placeId ?? locations[0]?.id ?? '',
    quantity: shipment.quantity !== null ? String(shipment.quantity) : '',
    shortfallReason: '',
    eventTime: vietnamNow(),
    note: '',
  });
  const [checked, setChecked] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Opened by a button that is now gone: the keyboard continues at the form's first field.
  useEffect(() => form.current?.querySelector<HTMLElement>('select, input')?.focus(), []);
  const set = (change: Partial<Values>) => setValues((current) => ({ ...current, ...change }));

  const received = values.quantity.trim() ? number(values.quantity) : null;
  const shipped = shipment.quantity;
  const short = received !== null && shipped !== null && received > 0 && received < shipped;

  const validate = (): Partial<Record<Field, MessageKey>> => {
    const problems: Partial<Record<Field, MessageKey>> = {};
    if (!values.locationId) problems.locationId = locations.length ? 'events.field.place.required' : 'events.field.place.none';
    if (values.quantity.trim() && !(number(values.quantity) > 0)) problems.quantity = 'events.field.quantity.invalid';
    if (short && !values.shortfallReason) problems.shortfallReason = 'events.receive.reasonRequired';
    if (!values.eventTime) problems.eventTime = 'form.required';
    else if (isFuture(values.eventTime)) problems.eventTime = 'events.field.time.future';
    return problems;
  };
  const problems = checked ? validate() : {};
  const errorFor = (field: Field) => {
    const own = problems[field];
    return own ? t(own) : fieldErrorOf(action.error, ...SERVER_PATHS[field]);
  };

  const toRequest = (): ReceiveShipmentRequest => ({
    locationId: values.locationId,
    eventTime: toEventTime(values.eventTime),
    // The quantity shipped is the default on the server too: sent only when it differs.
    ...(received !== null && received !== shipped ? { quantity: received } : {}),
    ...(values.shortfallReason ? { shortfallReason: values.shortfallReason } : {}),
    ...(values.note.trim() ? { note: values.note.trim() } : {}),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    setChecked(true);
    return submitForm(event, {
      problems: validate(),
      send: () => action.run(shipment.eventId, toRequest(), { locale }),
      onSent: onReceived,
    });
  };

  const unit = shipment.unit ? l(UNITS[shipment.unit]) : null;
  const missing = short ? formatQuantity(Math.round((shipped - received) * 1e6) / 1e6, shipment.unit, locale) : null;

  return (
    <form ref={form} className="stack events-receive" onSubmit={onSubmit} noValidate data-testid="receive-form">
      <PlaceField
        businessId={businessId}
        locations={locations}
        label={t('events.receive.place')}
        value={values.locationId}
        onChange={(locationId) => set({ locationId })}
        error={errorFor('locationId')}
        needed
        data-testid="receive-place"
      />
      <TextField
        label={unit ? t('events.receive.quantityIn', { unit }) : t('events.receive.quantity')}
        hint={shipped !== null ? t('events.receive.quantityHint', { shipped: formatQuantity(shipped, shipment.unit, locale) }) : undefined}
        inputMode="decimal"
        value={values.quantity}
        onChange={(event) => set({ quantity: event.target.value })}
        error={errorFor('quantity')}
        data-testid="receive-quantity"
      />
      {short || values.shortfallReason ? (
        <SelectField
          label={t('events.receive.reason')}
          hint={missing ? t('events.receive.missing', { missing }) : undefined}
          value={values.shortfallReason}
          onChange={(event) => set({ shortfallReason: event.target.value as ReceiptShortfallReason | '' })}
          error={errorFor('shortfallReason')}
          data-testid="receive-reason"
        >
          <option value="">{t('events.receive.reasonPick')}</option>
          {RECEIPT_SHORTFALL_REASON_NAMES.map((reason) => (
            <option key={reason} value={reason}>
              {l(RECEIPT_SHORTFALL_REASONS[reason])}
            </option>
          ))}
        </SelectField>
      ) : null}
      <EventTimeField
        label={t('events.receive.time')}
        value={values.eventTime}
        onChange={(eventTime) => set({ eventTime })}
        error={errorFor('eventTime')}
        data-testid="receive-time"
      />
      <TextAreaField
        label={t('events.field.note')}
        value={values.note}
        onChange={(event) => set({ note: event.target.value })}
        rows={2}
        maxLength={2000}
        error={errorFor('note')}
      />
      <FormError error={action.error} shownFields={Object.values(SERVER_PATHS).flat()} />
      <div className="events-receive__actions">
        <SubmitButton pending={action.pending} pendingLabel={t('form.saving')} data-testid="receive-confirm">
          {t('events.receive.confirm')}
        </SubmitButton>
        <Button variant="secondary" onClick={onCancel}>
          {t('events.receive.cancel')}
        </Button>
      </div>
    </form>
  );
}
