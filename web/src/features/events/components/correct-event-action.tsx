import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CBV_ERROR_REASONS, SINGLE_BATCH_STAGES, type BatchView, type CbvErrorReason, type EventView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { Spinner } from '@/components/ui/spinner';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { portalPath, usePortalBusiness } from '@/lib/use-portal-business';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { declareEventError } from '../api/declare-event-error';
import { useLocations } from '@/lib/api/list-locations';
import { SERVER_PATHS, toStageFields, validateStage, valuesFromEvent, type RecordableStage, type StageValues } from '../utils/stage-values';
import { OverRemaining } from './over-remaining';
import { recordedPath } from './recorded-notice';
import { StageFieldset } from './stage-fieldset';
import '../events.css';

const correctable = (stage: EventView['stage']): stage is RecordableStage =>
  stage !== null && (SINGLE_BATCH_STAGES as string[]).includes(stage);

interface CorrectionFormProps {
  batch: BatchView;
  event: EventView;
  onClose: () => void;
}

/** Why it is wrong, and (for wrong details of a stage) the right values, starting from the wrong ones. */
function CorrectionForm({ batch, event, onClose }: CorrectionFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const { businessId } = usePortalBusiness();
  const locations = useLocations(businessId);
  const stage = correctable(event.stage) ? event.stage : null;
  const [reason, setReason] = useState<CbvErrorReason>(stage ? 'incorrect_data' : 'did_not_occur');
  const [explanation, setExplanation] = useState('');
  const [correct, setCorrect] = useState(stage !== null);
  const [values, setValues] = useState<StageValues | null>(() => (stage ? valuesFromEvent(stage, batch, event) : null));
  const [checked, setChecked] = useState(false);
  const action = useAction(declareEventError);
  const withCorrection = stage !== null && values !== null && reason === 'incorrect_data' && correct;
  // A corrected shipment or sale beyond what remains: the server says how much, the person may confirm.
  const refused = withCorrection && action.error?.code === 'MASS_BALANCE_EXCEEDED';

  const problems = {
    ...(explanation.trim() ? {} : { explanation: 'form.required' as const }),
    ...(withCorrection ? validateStage(stage, values) : {}),
  };
  const onSubmit = (submitted: FormEvent<HTMLFormElement>) => {
    setChecked(true);
    return submitForm(submitted, {
      problems,
      send: () =>
        action.run(
          event.id,
          {
            reason,
            explanation: explanation.trim(),
            ...(withCorrection ? { corrected: toStageFields(stage, values) } : {}),
            ...(refused && values.overrideMassBalance ? { overrideMassBalance: true } : {}),
          },
          { locale },
        ),
      // A full load: the batch page reads its records afresh, the corrected one in place of the wrong one.
      onSent: () => window.location.assign(recordedPath(portalPath(businessId, `/batches/${encodeURIComponent(batch.id)}`), 'corrected')),
    });
  };

  return (
    <form className="dialog__body stack" onSubmit={onSubmit} noValidate data-testid="correction-form">
      <fieldset className="field fieldset">
        <legend className="field__label">{t('events.correct.reason')}</legend>
        {CBV_ERROR_REASONS.map((option) => (
          <label key={option} className="check">
            <input
              type="radio"
              name="reason"
              checked={reason === option}
              onChange={() => setReason(option)}
              data-testid={`reason-${option}`}
            />
            <span className="check__text">
              <span className="check__label">{t(`events.correct.reason.${option}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={t('events.correct.explanation')}
        hint={t('events.correct.explanationHint')}
        value={explanation}
        onChange={(change) => setExplanation(change.target.value)}
        rows={2}
        maxLength={1000}
        required
        error={checked && problems.explanation ? t(problems.explanation) : fieldErrorOf(action.error, 'explanation', 'reason')}
        data-testid="correction-explanation"
      />
      {stage && reason === 'incorrect_data' ? (
        <label className="check">
          <input
            type="checkbox"
            checked={correct}
            onChange={(change) => setCorrect(change.target.checked)}
            data-testid="correction-toggle"
          />
          <span className="check__label">{t('events.correct.withValues')}</span>
        </label>
      ) : null}
      {withCorrection ? (
        locations.status === 'success' ? (
          <StageFieldset
            stage={stage}
            values={values}
            onChange={(change) => setValues((current) => (current ? { ...current, ...change } : current))}
            problems={checked ? validateStage(stage, values) : {}}
            serverError={action.error}
            businessId={businessId}
            locations={locations.data.items}
          />
        ) : (
          <Spinner label={t('events.loading')} />
        )
      ) : null}
      {refused ? (
        <OverRemaining
          says={{ message: action.error?.message ?? '' }}
          confirmed={values.overrideMassBalance}
          onConfirm={(overrideMassBalance) => setValues((current) => (current ? { ...current, overrideMassBalance } : current))}
        />
      ) : null}
      <FormError error={action.error} shownFields={[...Object.values(SERVER_PATHS).flat(), 'explanation', 'reason']} />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onClose} disabled={action.pending}>
          {t('form.cancel')}
        </Button>
        <SubmitButton pending={action.pending} pendingLabel={t('form.saving')} className="button--danger" data-testid="correction-submit">
          {t('events.correct.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** "This is wrong" on one event: nothing is deleted; a declaration (and the corrected event) is recorded. */
export function CorrectEventAction({ batch, event }: { batch: BatchView; event: EventView }) {
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);
  if (event.declaredWrong || event.errorDeclaration) return null;

  return (
    <>
      <Button variant="secondary" className="events-wrong" onClick={() => setOpen(true)} data-testid="event-wrong">
        {t('events.correct.open')}
      </Button>
      <dialog
        ref={ref}
        className="dialog events-dialog"
        aria-labelledby={titleId}
        onCancel={() => setOpen(false)}
        data-testid="correction-dialog"
      >
        {open ? (
          <>
            <h2 id={titleId} className="dialog__title events-dialog__title">
              {t('events.correct.title')}
            </h2>
            <p className="dialog__text">{t('events.correct.intro')}</p>
            <CorrectionForm batch={batch} event={event} onClose={() => setOpen(false)} />
          </>
        ) : null}
      </dialog>
    </>
  );
}
