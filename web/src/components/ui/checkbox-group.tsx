import type { ReactNode } from 'react';
import { ChoiceFieldset, type ChoiceOption } from './choice-fieldset';
import type { FieldMessages } from './field';

interface CheckboxGroupProps<V extends string> {
  legend: string;
  hint?: ReactNode;
  options: readonly ChoiceOption<V>[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  error?: FieldMessages;
  name: string;
}

/** A fieldset of checkboxes for picking several values (e.g. an API key's scopes), kept in the options' order. */
export function CheckboxGroup<V extends string>({ value, onChange, name, ...fieldset }: CheckboxGroupProps<V>) {
  const toggle = (option: V, checked: boolean) =>
    onChange(
      checked ? fieldset.options.map((o) => o.value).filter((v) => v === option || value.includes(v)) : value.filter((v) => v !== option),
    );
  return (
    <ChoiceFieldset
      {...fieldset}
      input={(option) => (
        <input
          type="checkbox"
          name={name}
          value={option.value}
          checked={value.includes(option.value)}
          onChange={(event) => toggle(option.value, event.target.checked)}
        />
      )}
    />
  );
}
