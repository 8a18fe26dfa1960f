import { useId, type ReactNode, type Ref } from 'react';
import { fieldMessages, type FieldMessages } from './field';

interface RadioGroupProps<V extends string> {
  legend: string;
  hint?: ReactNode;
  options: readonly { value: V; label: ReactNode; description?: ReactNode }[];
  /** `null`: nothing chosen yet (a choice that must be made deliberately has no default). */
  value: V | null;
  onChange: (value: V) => void;
  error?: FieldMessages;
  name: string;
  /** The fieldset, to move focus to it when the choice is missing. */
  ref?: Ref<HTMLFieldSetElement>;
  'data-testid'?: string;
}

/** A fieldset of radio buttons for picking one value, with its hint and errors read with it. */
export function RadioGroup<V extends string>({
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  name,
  ref,
  'data-testid': testId,
}: RadioGroupProps<V>) {
  const id = useId();
  const messages = fieldMessages(error);
  const describedBy = [hint ? `${id}-hint` : null, messages.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      ref={ref}
      className="field fieldset"
      aria-describedby={describedBy}
      aria-invalid={messages.length ? true : undefined}
      tabIndex={-1}
      data-testid={testId}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <label key={option.value} className="check">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span className="check__text">
            <span className="check__label">{option.label}</span>
            {option.description ? <span className="check__description">{option.description}</span> : null}
          </span>
        </label>
      ))}
      {messages.length ? (
        <p className="field__error" id={`${id}-error`}>
          {messages.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
