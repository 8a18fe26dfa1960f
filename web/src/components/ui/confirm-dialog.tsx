import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';
import type { FieldMessages } from './field';
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

/**
 * A modal question on the native `<dialog>`: the browser traps focus, closes it on Escape and
 * gives focus back to the button that opened it.
 */
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
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) onConfirm();
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={children ? textId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onClose();
      }}
      data-testid={testId}
    >
      {open ? (
        <form className="dialog__body" onSubmit={onSubmit} noValidate>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {children ? (
            <div id={textId} className="dialog__text">
              {children}
            </div>
          ) : null}
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
          <div className="dialog__actions">
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
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
