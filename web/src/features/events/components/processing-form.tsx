import { useCallback, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { UNIT_CODES, UNITS, type BatchListItem, type LocationView, type Page, type ProductView } from '@nguon/shared';
import { DateField } from '@/components/ui/date-field';
import { fieldMessages } from '@/components/ui/field';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { portalPath } from '@/lib/use-portal-business';
import { apiRequest, queryString } from '@/lib/api-client';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { recordProcessing } from '../api/record-processing';
import { vietnamNow } from '../utils/event-time';
import {
  outputExceedsInputs,
  toProcessingRequest,
  validateProcessing,
  type InputCandidate,
  type ProcessingField,
  type ProcessingValues,
} from '../utils/processing-values';
import { EventTimeField } from './event-time-field';
import { InputRemaining } from './input-remaining';
import { OverRemaining } from './over-remaining';
import { recordedPath } from './recorded-notice';
import { PlaceField } from './place-field';

interface ProcessingFormProps {
  businessId: string;
  candidates: readonly InputCandidate[];
  products: readonly ProductView[];
  locations: readonly LocationView[];
  initial: ProcessingValues;
}

const SERVER_PATHS: Record<ProcessingField, string[]> = {
  inputs: ['inputs'],
  productId: ['outputs.0.newBatch.productId', 'outputs'],
  lotCode: ['outputs.0.newBatch.lotCode'],
  productionDate: ['outputs.0.newBatch.productionDate'],
  expiryDate: ['outputs.0.newBatch.expiryDate'],
  quantity: ['outputs.0.newBatch.quantity', 'outputs.0.newBatch.unit'],
  eventTime: ['eventTime'],
  locationId: ['locationId'],
};

/** Processing in one step: the batches used and how much of each, and the new batch it makes. */
export function ProcessingForm({ businessId, candidates, products, locations, initial }: ProcessingFormProps) {
  const t = useT();
  const { locale, l } = useLocale();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [checked, setChecked] = useState(false);
  const action = useAction(recordProcessing);
  // Inputs used beyond what remains of them (batch id → what remains), and whether the person confirmed it anyway.
  const [overs, setOvers] = useState<Record<string, number>>({});
  const [override, setOverride] = useState(false);
  const onOver = useCallback((batchId: string, remaining: number | null) => {
    setOvers((current) => {
      if (remaining === null) {
        if (!(batchId in current)) return current;
        const { [batchId]: _, ...rest } = current;
        return rest;
      }
      return current[batchId] === remaining ? current : { ...current, [batchId]: remaining };
    });
  }, []);
  const set = (change: Partial<ProcessingValues>) => setValues((current) => ({ ...current, ...change }));
  const setLine = (id: string, change: Partial<ProcessingValues['inputs'][string]>) => {
    setOverride(false);
    setValues((current) => ({ ...current, inputs: { ...current.inputs, [id]: { ...current.inputs[id]!, ...change } } }));
  };
  const firstOver = candidates.find((c) => values.inputs[c.id]?.selected && c.id in overs);
  const refused = action.error?.code === 'MASS_BALANCE_EXCEEDED';
  const validate = () => ({
    ...validateProcessing(values, locations.length),
    ...(firstOver && !override ? { override: 'events.balance.confirmRequired' as const } : {}),
  });
  const problems = checked ? validate() : {};
  const errorFor = (field: ProcessingField) => {
    const own = problems[field];
    if (own) return t(own);
    if (!action.error) return undefined;
    const paths =
      field === 'inputs' ? Object.keys(action.error.fieldErrors).filter((path) => path.startsWith('inputs')) : SERVER_PATHS[field];
    return fieldErrorOf(action.error, ...paths);
  };
  const inputsError = fieldMessages(errorFor('inputs'));

  // The answer is the processing event; the new batch is found by its lot code to open its page.
  const openMade = async () => {
    const found = await apiRequest<Page<BatchListItem>>(
      'GET',
      `/api/businesses/${encodeURIComponent(businessId)}/batches${queryString({ productId: values.productId, q: values.lotCode.trim(), limit: 5 })}`,
      { locale },
    );
    const made = found.items.find((b) => b.lotCode === values.lotCode.trim());
    await navigate(
      made
        ? recordedPath(portalPath(businessId, `/batches/${encodeURIComponent(made.id)}`), 'processing')
        : portalPath(businessId, '/batches'),
    );
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    setChecked(true);
    return submitForm(event, {
      problems: validate(),
      send: () =>
        action.run(
          { ...toProcessingRequest(values), ...(override && (firstOver || refused) ? { overrideMassBalance: true } : {}) },
          { locale },
        ),
      onSent: () => void openMade(),
    });
  };

  return (
    <form className="stack" onSubmit={onSubmit} noValidate data-testid="processing-form">
      <fieldset
        className="card stack events-inputs"
        aria-invalid={inputsError.length ? true : undefined}
        aria-describedby={inputsError.length ? 'processing-inputs-error' : undefined}
      >
        <legend className="card__title">{t('events.processing.inputs')}</legend>
        <p className="card__intro">{t('events.processing.inputsHint')}</p>
        {candidates.length === 0 ? <p className="muted">{t('events.processing.noInputs')}</p> : null}
        <ul className="row-list">
          {candidates.map((candidate) => {
            const line = values.inputs[candidate.id]!;
            return (
              <li key={candidate.id} className="row events-input" data-testid="processing-input" data-lot={candidate.lotCode}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={line.selected}
                    onChange={(event) => setLine(candidate.id, { selected: event.target.checked })}
                    data-testid="input-select"
                  />
                  <span className="check__text">
                    <span className="check__label">
                      {l(candidate.productName)} · <span className="code">{candidate.lotCode}</span>
                    </span>
                    {candidate.received ? <span className="check__description">{t('events.processing.received')}</span> : null}
                  </span>
                </label>
                {line.selected ? (
                  <div className="events-pair">
                    <div>
                      <TextField
                        label={t('events.processing.used', { lot: candidate.lotCode })}
                        inputMode="decimal"
                        value={line.quantity}
                        onChange={(event) => setLine(candidate.id, { quantity: event.target.value })}
                        data-testid="input-quantity"
                      />
                      <InputRemaining
                        batchId={candidate.id}
                        quantity={Number(line.quantity.replace(',', '.'))}
                        unit={line.unit}
                        onOver={onOver}
                      />
                    </div>
                    <SelectField
                      label={t('events.field.unit')}
                      value={line.unit}
                      onChange={(event) => setLine(candidate.id, { unit: event.target.value as typeof line.unit })}
                    >
                      {UNIT_CODES.map((code) => (
                        <option key={code} value={code}>
                          {l(UNITS[code])}
                        </option>
                      ))}
                    </SelectField>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        {inputsError.length ? (
          <p className="field__error" id="processing-inputs-error">
            {inputsError.join(' ')}
          </p>
        ) : null}
        {firstOver || refused ? (
          <OverRemaining
            says={
              firstOver
                ? { remaining: overs[firstOver.id]!, unit: values.inputs[firstOver.id]!.unit, lotCode: firstOver.lotCode }
                : { message: action.error?.message ?? '' }
            }
            confirmed={override}
            onConfirm={setOverride}
            error={'override' in problems ? t('events.balance.confirmRequired') : undefined}
          />
        ) : null}
      </fieldset>

      <fieldset className="card stack">
        <legend className="card__title">{t('events.processing.output')}</legend>
        <p className="card__intro">{t('events.processing.outputHint')}</p>
        <SelectField
          label={t('events.processing.product')}
          value={values.productId}
          onChange={(event) => {
            const product = products.find((p) => p.id === event.target.value);
            set({ productId: event.target.value, unit: values.unit || product?.unit || '' });
          }}
          error={errorFor('productId')}
          data-testid="output-product"
        >
          <option value="">{t('events.processing.productPick')}</option>
          {products.map((product) => (
            <option key={product.id} value={product.id}>
              {l(product.name)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('events.processing.lotCode')}
          hint={t('events.processing.lotCodeHint')}
          value={values.lotCode}
          onChange={(event) => set({ lotCode: event.target.value })}
          maxLength={20}
          autoComplete="off"
          error={errorFor('lotCode')}
          data-testid="output-lot"
        />
        <TextField
          label={t('events.processing.displayName')}
          value={values.displayName}
          onChange={(event) => set({ displayName: event.target.value })}
          maxLength={200}
        />
        <div className="events-pair">
          <DateField
            label={t('events.processing.productionDate')}
            value={values.productionDate}
            max={vietnamNow().slice(0, 10)}
            onChange={(productionDate) => set({ productionDate })}
            error={errorFor('productionDate')}
          />
          <DateField
            label={t('events.processing.expiryDate')}
            value={values.expiryDate}
            min={values.productionDate || undefined}
            onChange={(expiryDate) => set({ expiryDate })}
            error={errorFor('expiryDate')}
          />
        </div>
        <div className="events-pair">
          <TextField
            label={t('events.processing.quantity')}
            inputMode="decimal"
            value={values.quantity}
            onChange={(event) => set({ quantity: event.target.value })}
            error={errorFor('quantity')}
            data-testid="output-quantity"
          />
          <SelectField
            label={t('events.field.unit')}
            value={values.unit}
            onChange={(event) => set({ unit: event.target.value as ProcessingValues['unit'] })}
          >
            <option value="">—</option>
            {UNIT_CODES.map((code) => (
              <option key={code} value={code}>
                {l(UNITS[code])}
              </option>
            ))}
          </SelectField>
        </div>
        {outputExceedsInputs(values) ? (
          <Notice tone="warning" data-testid="output-exceeds">
            {t('events.processing.exceeds')}
          </Notice>
        ) : null}
      </fieldset>

      <fieldset className="card stack">
        <legend className="card__title">{t('events.processing.when')}</legend>
        <EventTimeField value={values.eventTime} onChange={(eventTime) => set({ eventTime })} error={errorFor('eventTime')} />
        <PlaceField
          businessId={businessId}
          locations={locations}
          value={values.locationId}
          onChange={(locationId) => set({ locationId })}
          error={errorFor('locationId')}
          needed
          data-testid="processing-place"
        />
        <TextField
          label={t('events.document.prodorder')}
          hint={t('events.field.documentHint')}
          value={values.documentId}
          onChange={(event) => set({ documentId: event.target.value })}
          maxLength={100}
          data-testid="processing-document"
        />
        <TextAreaField
          label={t('events.field.note')}
          value={values.note}
          onChange={(event) => set({ note: event.target.value })}
          rows={2}
          maxLength={2000}
        />
      </fieldset>

      <FormError
        error={action.error}
        shownFields={[
          ...Object.values(SERVER_PATHS).flat(),
          ...Object.keys(action.error?.fieldErrors ?? {}).filter((p) => p.startsWith('inputs')),
        ]}
      />
      <SubmitButton pending={action.pending} pendingLabel={t('form.saving')} data-testid="processing-submit">
        {t('events.processing.submit')}
      </SubmitButton>
    </form>
  );
}
