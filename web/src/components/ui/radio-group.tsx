import type { ReactNode, Ref } from 'react';
import { ChoiceFieldset, type ChoiceOption } from './choice-fieldset';
import type { FieldMessages } from './field';

interface RadioGroupProps<V extends string> {
  legend: string;
  hint?: ReactNode;
  options: readonly ChoiceOption<V>[];
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
export function RadioGroup<V extends string>({ value, onChange, name, ...fieldset }: RadioGroupProps<V>) {
  return (
    <ChoiceFieldset
      {...fieldset}
      input={(option) => (
        <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
      )}
    />
  );
}
