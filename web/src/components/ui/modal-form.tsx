import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface ModalFormProps {
  open: boolean;
  title: string;
  /** What will happen, in a sentence or two: the dialog's accessible description. */
  description?: ReactNode;
  /** While the answer is awaited, neither Escape nor a second submit does anything. */
  pending: boolean;
  onSubmit: () => void;
  onClose: () => void;
  /** The form's fields and messages, between the description and the buttons. */
  children?: ReactNode;
  actions: ReactNode;
  className?: string;
  'data-testid'?: string;
}

/**
 * A modal form on the native `<dialog>`: the browser traps focus, closes it on Escape and gives
 * focus back to the button that opened it. Its content is mounted only while open, so each
 * opening starts afresh.
 */
export function ModalForm({
  open,
  title,
  description,
  pending,
  onSubmit,
  onClose,
  children,
  actions,
  className,
  'data-testid': testId,
}: ModalFormProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={description ? textId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onClose();
      }}
      data-testid={testId}
    >
      {open ? (
        <form className="dialog__body" onSubmit={submit} noValidate>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {description ? (
            <div id={textId} className="dialog__text">
              {description}
            </div>
          ) : null}
          {children}
          <div className="dialog__actions">{actions}</div>
        </form>
      ) : null}
    </dialog>
  );
}
