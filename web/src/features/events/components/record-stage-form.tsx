import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { BatchView, LocationView } from '@nguon/shared';
import { FormError } from '@/components/ui/form-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { portalPath } from '@/lib/use-portal-business';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { recordStage } from '../api/record-stage';
import { SERVER_PATHS, toStageFields, validateStage, type RecordableStage, type StageValues } from '../utils/stage-values';
import { recordedPath } from './recorded-notice';
import { StageFieldset } from './stage-fieldset';

interface RecordStageFormProps {
  stage: RecordableStage;
  batch: BatchView;
  businessId: string;
  locations: readonly LocationView[];
  initial: StageValues;
}

/** One stage's guided form; once saved, back to the batch page, which says so. */
export function RecordStageForm({ stage, batch, businessId, locations, initial }: RecordStageFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [checked, setChecked] = useState(false);
  const action = useAction(recordStage);
  const problems = checked ? validateStage(stage, values) : {};

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    setChecked(true);
    return submitForm(event, {
      problems: validateStage(stage, values),
      send: () => action.run(batch.id, { stage, ...toStageFields(stage, values) }, { locale }),
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
      />
      <FormError error={action.error} shownFields={Object.values(SERVER_PATHS).flat()} />
      <SubmitButton pending={action.pending} pendingLabel={t('form.saving')} data-testid="stage-submit">
        {t('events.save')}
      </SubmitButton>
    </form>
  );
}
