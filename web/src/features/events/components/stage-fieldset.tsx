import { useId } from 'react';
import {
  RECEIPT_SHORTFALL_REASON_NAMES,
  RECEIPT_SHORTFALL_REASONS,
  UNIT_CODES,
  UNITS,
  type BatchBalanceLine,
  type LocationView,
  type ReceiptShortfallReason,
} from '@nguon/shared';
import { fieldErrorOf } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { AttachmentInput } from '@/components/ui/attachment-input';
import type { ApiRequestError } from '@/lib/api-client';
import { formatQuantity } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { lineFor } from '../utils/remaining';
import {
  DOCUMENT_TYPES,
  needsPlace,
  OUTFLOW_STAGES,
  SERVER_PATHS,
  type RecordableStage,
  type StageField,
  type StageProblems,
  type StageValues,
} from '../utils/stage-values';
import { EventTimeField } from './event-time-field';
import { RecipientPicker } from './recipient-picker';
import { PlaceField } from './place-field';

interface StageFieldsetProps {
  stage: RecordableStage;
  values: StageValues;
  onChange: (change: Partial<StageValues>) => void;
  problems: StageProblems;
  serverError: ApiRequestError | null;
  businessId: string;
  locations: readonly LocationView[];
  /** What remains of the batch for the business (a new record's form): shown beside the quantity of a shipment or sale. */
  lines?: readonly BatchBalanceLine[];
}

/** The fields of one stage's form: when, where, how much, and what that stage needs besides. */
export function StageFieldset({ stage, values, onChange, problems, serverError, businessId, locations, lines }: StageFieldsetProps) {
  const t = useT();
  const { l, locale } = useLocale();
  const errorFor = (field: StageField) => {
    const own = problems[field];
    return own ? t(own) : fieldErrorOf(serverError, ...SERVER_PATHS[field]);
  };
  const documentTypes = DOCUMENT_TYPES[stage];
  const passedErrorId = useId();
  const passedError = [errorFor('passed') ?? []].flat().join(' ');
  const placeNeeded = needsPlace(stage);
  const remaining = lines && OUTFLOW_STAGES.includes(stage) ? lineFor(lines, values.unit) : null;

  return (
    <div className="stack events-fields">
      <EventTimeField
        value={values.eventTime}
        onChange={(eventTime) => onChange({ eventTime })}
        error={errorFor('eventTime')}
        data-testid="field-time"
      />
      <PlaceField
        businessId={businessId}
        locations={locations}
        value={values.locationId}
        onChange={(locationId) => onChange({ locationId })}
        error={errorFor('locationId')}
        needed={placeNeeded}
        data-testid="field-place"
      />
      <div className="events-pair">
        <TextField
          label={t('events.field.quantity')}
          hint={
            remaining?.unit
              ? t('events.balance.remaining', { remaining: formatQuantity(Math.max(remaining.remaining, 0), remaining.unit, locale) })
              : undefined
          }
          inputMode="decimal"
          value={values.quantity}
          onChange={(event) => onChange({ quantity: event.target.value, overrideMassBalance: false })}
          error={errorFor('quantity')}
          data-testid="field-quantity"
        />
        <SelectField
          label={t('events.field.unit')}
          value={values.unit}
          onChange={(event) => onChange({ unit: event.target.value as StageValues['unit'], overrideMassBalance: false })}
        >
          <option value="">—</option>
          {UNIT_CODES.map((code) => (
            <option key={code} value={code}>
              {l(UNITS[code])}
            </option>
          ))}
        </SelectField>
      </div>

      {stage === 'shipping' ? (
        <RecipientPicker value={values} onChange={onChange} excludeId={businessId} error={errorFor('party')} />
      ) : null}
      {stage === 'receiving' ? (
        <>
          <SelectField
            label={t('events.receive.reason')}
            hint={t('events.receive.reasonHint')}
            value={values.shortfallReason}
            onChange={(event) => onChange({ shortfallReason: event.target.value as ReceiptShortfallReason | '' })}
            error={errorFor('shortfallReason')}
            data-testid="field-shortfall"
          >
            <option value="">{t('events.receive.reasonNone')}</option>
            {RECEIPT_SHORTFALL_REASON_NAMES.map((reason) => (
              <option key={reason} value={reason}>
                {l(RECEIPT_SHORTFALL_REASONS[reason])}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('events.field.source')}
            hint={t('events.field.sourceHint')}
            value={values.partyName}
            onChange={(event) => onChange({ partyName: event.target.value })}
            maxLength={300}
            error={errorFor('party')}
          />
        </>
      ) : null}

      {stage === 'inspecting' ? (
        <>
          <fieldset
            className="field fieldset"
            aria-invalid={passedError ? true : undefined}
            aria-describedby={passedError ? passedErrorId : undefined}
            data-testid="field-passed"
          >
            <legend className="field__label">{t('events.field.passed')}</legend>
            {(['yes', 'no'] as const).map((answer) => (
              <label key={answer} className="check check--inline">
                <input type="radio" name="passed" checked={values.passed === answer} onChange={() => onChange({ passed: answer })} />
                <span className="check__label">{t(`events.field.passed.${answer}`)}</span>
              </label>
            ))}
            {passedError ? (
              <p className="field__error" id={passedErrorId}>
                {passedError}
              </p>
            ) : null}
          </fieldset>
          <TextField
            label={t('events.field.lab')}
            hint={t('events.field.labHint')}
            value={values.labName}
            onChange={(event) => onChange({ labName: event.target.value })}
            maxLength={300}
            error={errorFor('labName')}
          />
          <AttachmentInput
            businessId={businessId}
            label={t('events.field.labReport')}
            hint={t('events.field.labReportHint')}
            kind="document"
            multiple
            value={values.attachments}
            onChange={(attachments) => onChange({ attachments })}
            error={[errorFor('attachments') ?? []].flat().join(' ') || undefined}
          />
        </>
      ) : null}

      {documentTypes ? (
        <div className="events-pair">
          {documentTypes.length > 1 ? (
            <SelectField
              label={t('events.field.documentType')}
              value={values.documentType}
              onChange={(event) => onChange({ documentType: event.target.value as StageValues['documentType'] })}
            >
              {documentTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`events.document.${type}`)}
                </option>
              ))}
            </SelectField>
          ) : null}
          <TextField
            label={documentTypes.length > 1 ? t('events.field.documentId') : t(`events.document.${documentTypes[0]!}`)}
            hint={t('events.field.documentHint')}
            value={values.documentId}
            onChange={(event) => onChange({ documentId: event.target.value })}
            maxLength={100}
            error={errorFor('documentId')}
            data-testid="field-document"
          />
        </div>
      ) : null}

      <TextAreaField
        label={t('events.field.note')}
        value={values.note}
        onChange={(event) => onChange({ note: event.target.value })}
        rows={2}
        maxLength={2000}
        error={errorFor('note')}
      />
    </div>
  );
}
