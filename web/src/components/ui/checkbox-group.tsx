import { useId, type ReactNode } from 'react';
import { fieldMessages, type FieldMessages } from './field';

interface CheckboxGroupProps<V extends string> {
  legend: string;
  hint?: ReactNode;
  options: readonly { value: V; label: ReactNode; description?: ReactNode }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  error?: FieldMessages;
  name: string;
}

/** A fieldset of checkboxes for picking several values (e.g. an API key's scopes). */
export function CheckboxGroup<V extends string>({ legend, hint, options, value, onChange, error, name }: CheckboxGroupProps<V>) {
  const id = useId();
  const messages = fieldMessages(error);
  const describedBy = [hint ? `${id}-hint` : null, messages.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const toggle = (option: V, checked: boolean) =>
    onChange(checked ? options.map((o) => o.value).filter((v) => v === option || value.includes(v)) : value.filter((v) => v !== option));
  return (
    <fieldset className="field fieldset" aria-describedby={describedBy} aria-invalid={messages.length ? true : undefined}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <label key={option.value} className="check">
          <input
            type="checkbox"
            name={name}
            value={option.value}
            checked={value.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
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
