import type { ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';
import type { FieldMessages } from './field';
import { ModalForm } from './modal-form';
import { TextAreaField } from './text-area-field';

interface ReasonInput {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: FieldMessages;
}

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in a sentence or two. */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  tone?: 'primary' | 'danger';
  pending?: boolean;
  /** The error of the last attempt, shown above the buttons. */
  error?: string | null;
  /** A required reason (reject, suspend): a text area the confirm button waits for. */
  reason?: ReasonInput;
  onConfirm: () => void;
  onClose: () => void;
  'data-testid'?: string;
}

/** A modal question, with an optional required reason (reject, suspend). */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  tone = 'primary',
  pending = false,
  error,
  reason,
  onConfirm,
  onClose,
  'data-testid': testId,
}: ConfirmDialogProps) {
  return (
    <ModalForm
      open={open}
      title={title}
      description={children}
      pending={pending}
      onSubmit={onConfirm}
      onClose={onClose}
      data-testid={testId}
      actions={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending} autoFocus={!reason && tone === 'danger'}>
            {cancelLabel}
          </Button>
          <Button
            type="submit"
            className={tone === 'danger' ? 'button--danger' : undefined}
            disabled={pending || (reason ? reason.value.trim() === '' : false)}
            data-testid="confirm-button"
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      {reason ? (
        <TextAreaField
          label={reason.label}
          hint={reason.hint}
          value={reason.value}
          onChange={(event) => reason.onChange(event.target.value)}
          error={reason.error}
          rows={3}
          maxLength={1000}
          required
          autoFocus
          data-testid="reason-input"
        />
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </ModalForm>
  );
}
