import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { BatchBalanceLine, BatchView, LocationView } from '@nguon/shared';
import { FormError } from '@/components/ui/form-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { portalPath } from '@/lib/use-portal-business';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { recordStage } from '../api/record-stage';
import {
  remainingExceeded,
  SERVER_PATHS,
  toStageFields,
  validateStage,
  type RecordableStage,
  type StageValues,
} from '../utils/stage-values';
import { OverRemaining } from './over-remaining';
import { recordedPath } from './recorded-notice';
import { StageFieldset } from './stage-fieldset';

interface RecordStageFormProps {
  stage: RecordableStage;
  batch: BatchView;
  businessId: string;
  locations: readonly LocationView[];
  /** What remains of the batch for the business, per unit (the server's balance). */
  lines: readonly BatchBalanceLine[];
  initial: StageValues;
}

/**
 * One stage's guided form; once saved, back to the batch page, which says so. A shipment or sale
 * of more than remains is held back until the person confirms it.
 */
export function RecordStageForm({ stage, batch, businessId, locations, lines, initial }: RecordStageFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [checked, setChecked] = useState(false);
  const action = useAction(recordStage);
  const context = { places: locations.length, lines };
  const problems = checked ? validateStage(stage, values, context) : {};
  const over = remainingExceeded(stage, values, lines);
  // The server may know of more left than this page did (another person shipped meanwhile).
  const refused = action.error?.code === 'MASS_BALANCE_EXCEEDED';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    setChecked(true);
    const override = values.overrideMassBalance && (over !== null || refused);
    return submitForm(event, {
      problems: validateStage(stage, values, context),
      send: () =>
        action.run(batch.id, { stage, ...toStageFields(stage, values), ...(override ? { overrideMassBalance: true } : {}) }, { locale }),
      onSent: () => void navigate(recordedPath(portalPath(businessId, `/batches/${encodeURIComponent(batch.id)}`), stage)),
    });
  };

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate data-testid="stage-form" data-stage={stage}>
      <StageFieldset
        stage={stage}
        values={values}
        onChange={(change) => setValues((current) => ({ ...current, ...change }))}
        problems={problems}
        serverError={action.error}
        businessId={businessId}
        locations={locations}
        lines={lines}
      />
      {over !== null || refused ? (
        <OverRemaining
          says={
            over !== null && values.unit
              ? { remaining: over, unit: values.unit, lotCode: batch.lotCode }
              : { message: action.error?.message ?? '' }
          }
          confirmed={values.overrideMassBalance}
          onConfirm={(overrideMassBalance) => setValues((current) => ({ ...current, overrideMassBalance }))}
          error={problems.override ? t(problems.override) : undefined}
        />
      ) : null}
      <FormError error={action.error} shownFields={Object.values(SERVER_PATHS).flat()} />
      <SubmitButton pending={action.pending} pendingLabel={t('form.saving')} data-testid="stage-submit">
        {t('events.save')}
      </SubmitButton>
    </form>
  );
}
