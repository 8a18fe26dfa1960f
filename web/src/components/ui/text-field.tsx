import { useId, type ComponentPropsWithRef } from 'react';

type TextFieldProps = Omit<ComponentPropsWithRef<'input'>, 'id'> & {
  label: string;
  hint?: string;
  /** Id of an error message elsewhere on the page that describes this field too. */
  errorId?: string;
};

export function TextField({ label, hint, errorId, className, ...props }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errorId ?? null].filter(Boolean).join(' ') || undefined;
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
      <input id={id} className="field__input" aria-describedby={describedBy} aria-invalid={errorId ? true : undefined} {...props} />
    </div>
  );
}
