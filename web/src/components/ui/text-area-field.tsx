import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

type TextAreaFieldProps = Omit<ComponentPropsWithRef<'textarea'>, 'id'> & {
  label: string;
  hint?: ReactNode;
  error?: string | readonly string[] | null;
};

export function TextAreaField({ label, hint, error, className, ...props }: TextAreaFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const messages = error === null || error === undefined ? [] : typeof error === 'string' ? [error] : error;
  const describedBy = [hint ? hintId : null, messages.length ? errorId : null].filter(Boolean).join(' ') || undefined;
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
      <textarea id={id} className="field__input field__textarea" aria-describedby={describedBy} aria-invalid={messages.length ? true : undefined} {...props} />
      {messages.length ? (
        <p className="field__error" id={errorId}>
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
