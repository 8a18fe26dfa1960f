import { useRef, useState } from 'react';
import {
  RECALL_REASON_CATEGORIES,
  RECALL_REASON_CATEGORY_NAMES,
  RECALL_SEVERITIES,
  RECALL_SEVERITY_NAMES,
  type RecallReasonCategory,
  type RecallRequest,
  type RecallSeverity,
} from '@nguon/shared';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ModalForm } from '@/components/ui/modal-form';
import { RadioGroup } from '@/components/ui/radio-group';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import type { ApiRequestError } from '@/lib/api-client';
import { useRequestErrorMessage } from '@/lib/error-message';
import { useLocale, useT } from '@/lib/i18n';
import { useRecallReach } from '../api/get-recall-reach';
import { RecallReach } from './recall-reach';

interface RecallDialogProps {
  open: boolean;
  batchId: string;
  lotCode: string;
  pending: boolean;
  error: ApiRequestError | null;
  onConfirm: (request: RecallRequest) => void;
  onClose: () => void;
}

type Missing = 'severity' | 'reasonCategory' | 'reason';

/**
 * "Recall this batch", a modal form. The class is chosen deliberately (none is preselected: confirming without
 * one says so and goes no further), the kind of problem from the shared list, the details in the
 * recaller's words; whom the recall will reach is listed before it is confirmed.
 */
export function RecallDialog({ open, batchId, lotCode, pending, error, onConfirm, onClose }: RecallDialogProps) {
  const t = useT();
  const { l } = useLocale();
  const message = useRequestErrorMessage();
  const severityRef = useRef<HTMLFieldSetElement>(null);
  const categoryRef = useRef<HTMLSelectElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [severity, setSeverity] = useState<RecallSeverity | null>(null);
  const [category, setCategory] = useState<RecallReasonCategory | ''>('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<Missing[]>([]);
  const reach = useRecallReach(open ? batchId : null);

  const onSubmit = () => {
    const gaps: Missing[] = [
      ...(severity ? [] : ['severity' as const]),
      ...(category ? [] : ['reasonCategory' as const]),
      ...(reason.trim() ? [] : ['reason' as const]),
    ];
    setMissing(gaps);
    if (severity && category && gaps.length === 0) {
      onConfirm({ severity, reasonCategory: category, reason: reason.trim() });
      return;
    }
    if (gaps[0] === 'severity') severityRef.current?.focus();
    else if (gaps[0] === 'reasonCategory') categoryRef.current?.focus();
    else reasonRef.current?.focus();
  };
  const fieldError = (field: Missing, text: string) => [...(missing.includes(field) ? [text] : []), ...(error?.fieldErrors[field] ?? [])];

  return (
    <ModalForm
      open={open}
      title={t('inspector.recall.dialogTitle', { lot: lotCode })}
      description={<p>{t('inspector.recall.dialogText')}</p>}
      pending={pending}
      onSubmit={onSubmit}
      onClose={onClose}
      className="recall-dialog"
      data-testid="recall-dialog"
      actions={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {t('inspector.cancel')}
          </Button>
          <Button type="submit" className="button--danger" disabled={pending} data-testid="recall-confirm">
            {t(pending ? 'inspector.recall.sending' : 'inspector.recall.confirm')}
          </Button>
        </>
      }
    >
      <RecallReach reach={reach} />
      <RadioGroup
        ref={severityRef}
        name="recall-severity"
        legend={t('inspector.recall.severity')}
        hint={t('inspector.recall.severityHint')}
        options={RECALL_SEVERITY_NAMES.map((name) => ({ value: name, label: l(RECALL_SEVERITIES[name]) }))}
        value={severity}
        onChange={(value) => {
          setSeverity(value);
          setMissing((gaps) => gaps.filter((gap) => gap !== 'severity'));
        }}
        error={fieldError('severity', t('inspector.recall.severityMissing'))}
        data-testid="recall-severity"
      />
      <SelectField
        ref={categoryRef}
        label={t('inspector.recall.category')}
        hint={t('inspector.recall.categoryHint')}
        value={category}
        onChange={(event) => {
          setCategory(event.target.value as RecallReasonCategory | '');
          setMissing((gaps) => gaps.filter((gap) => gap !== 'reasonCategory'));
        }}
        error={fieldError('reasonCategory', t('inspector.recall.categoryMissing'))}
        required
        data-testid="recall-category"
      >
        <option value="">{t('inspector.recall.categoryChoose')}</option>
        {RECALL_REASON_CATEGORY_NAMES.map((name) => (
          <option key={name} value={name}>
            {l(RECALL_REASON_CATEGORIES[name])}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        ref={reasonRef}
        label={t('inspector.recall.details')}
        hint={t('inspector.recall.reasonHint')}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
          setMissing((gaps) => gaps.filter((gap) => gap !== 'reason'));
        }}
        error={fieldError('reason', t('inspector.recall.reasonMissing'))}
        rows={3}
        maxLength={1000}
        required
        data-testid="recall-reason"
      />
      {missing.length ? <Alert>{t('inspector.recall.incomplete')}</Alert> : null}
      {error ? <Alert>{message(error)}</Alert> : null}
    </ModalForm>
  );
}
