import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { RECALL_SEVERITIES, RECALL_SEVERITY_NAMES, type RecallRequest, type RecallSeverity } from '@nguon/shared';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import type { ApiRequestError } from '@/lib/api-client';
import { useRequestErrorMessage } from '@/lib/error-message';
import { useLocale, useT } from '@/lib/i18n';

interface RecallDialogProps {
  open: boolean;
  lotCode: string;
  pending: boolean;
  error: ApiRequestError | null;
  onConfirm: (request: RecallRequest) => void;
  onClose: () => void;
}

/**
 * "Recall this batch": a severity (the shared classes) and a reason, on the native `<dialog>`
 * (focus kept inside, Escape closes, focus back to the opening button).
 */
export function RecallDialog({ open, lotCode, pending, error, onConfirm, onClose }: RecallDialogProps) {
  const t = useT();
  const { l } = useLocale();
  const message = useRequestErrorMessage();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const [severity, setSeverity] = useState<RecallSeverity>('class_i');
  const [reason, setReason] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending && reason.trim()) onConfirm({ severity, reason: reason.trim() });
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onClose();
      }}
      data-testid="recall-dialog"
    >
      {open ? (
        <form className="dialog__body" onSubmit={onSubmit} noValidate>
          <h2 id={titleId} className="dialog__title">
            {t('inspector.recall.dialogTitle', { lot: lotCode })}
          </h2>
          <p id={textId} className="dialog__text">
            {t('inspector.recall.dialogText')}
          </p>
          <SelectField
            label={t('inspector.recall.severity')}
            value={severity}
            onChange={(event) => setSeverity(event.target.value as RecallSeverity)}
            error={error?.fieldErrors.severity}
            data-testid="recall-severity"
          >
            {RECALL_SEVERITY_NAMES.map((name) => (
              <option key={name} value={name}>
                {l(RECALL_SEVERITIES[name])}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t('inspector.recall.reason')}
            hint={t('inspector.recall.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={error?.fieldErrors.reason}
            rows={3}
            maxLength={1000}
            required
            data-testid="recall-reason"
          />
          {error ? <Alert>{message(error)}</Alert> : null}
          <div className="dialog__actions">
            <Button variant="secondary" onClick={onClose} disabled={pending}>
              {t('inspector.cancel')}
            </Button>
            <Button type="submit" className="button--danger" disabled={pending || reason.trim() === ''} data-testid="recall-confirm">
              {t(pending ? 'inspector.recall.sending' : 'inspector.recall.confirm')}
            </Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
