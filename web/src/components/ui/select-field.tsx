import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

type SelectFieldProps = Omit<ComponentPropsWithRef<'select'>, 'id'> & {
  label: string;
  hint?: ReactNode;
  error?: string | readonly string[] | null;
  children: ReactNode;
};

export function SelectField({ label, hint, error, className, children, ...props }: SelectFieldProps) {
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
      <select id={id} className="field__input field__select" aria-describedby={describedBy} aria-invalid={messages.length ? true : undefined} {...props}>
        {children}
      </select>
      {messages.length ? (
        <p className="field__error" id={errorId}>
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
