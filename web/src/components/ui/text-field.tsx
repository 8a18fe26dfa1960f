import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

type TextFieldProps = Omit<ComponentPropsWithRef<'input'>, 'id'> & {
  label: string;
  hint?: ReactNode;
  /** Id of an error message elsewhere on the page that describes this field too. */
  errorId?: string;
  /** This field's own error messages, shown under it and read with it. */
  error?: string | readonly string[] | null;
  /** A live note under the field (e.g. "7 of 10 characters"), announced politely. */
  status?: ReactNode;
};

export function TextField({ label, hint, errorId, error, status, className, ...props }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const ownErrorId = `${id}-error`;
  const statusId = `${id}-status`;
  const messages = error === null || error === undefined ? [] : typeof error === 'string' ? [error] : error;
  const invalid = messages.length > 0 || Boolean(errorId);
  const describedBy =
    [hint ? hintId : null, messages.length ? ownErrorId : null, status ? statusId : null, errorId ?? null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input id={id} className="field__input" aria-describedby={describedBy} aria-invalid={invalid ? true : undefined} {...props} />
      {status ? (
        <p className="field__status" id={statusId} aria-live="polite">
          {status}
        </p>
      ) : null}
      {messages.length ? (
        <p className="field__error" id={ownErrorId}>
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
