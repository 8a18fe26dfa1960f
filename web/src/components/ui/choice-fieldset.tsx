import { useId, type ReactNode, type Ref } from 'react';
import { fieldMessages, type FieldMessages } from './field';

/** One choice of a group: what it is, and a line more about it if needed. */
export interface ChoiceOption<V extends string> {
  value: V;
  label: ReactNode;
  description?: ReactNode;
}

interface ChoiceFieldsetProps<V extends string> {
  legend: string;
  hint?: ReactNode;
  options: readonly ChoiceOption<V>[];
  error?: FieldMessages;
  /** The input of each option: a radio button or a checkbox. */
  input: (option: ChoiceOption<V>) => ReactNode;
  /** The fieldset, to move focus to it when the choice is missing (it is then focusable). */
  ref?: Ref<HTMLFieldSetElement>;
  'data-testid'?: string;
}

/**
 * The fieldset a group of choices is asked in (RadioGroup, CheckboxGroup): its legend, its hint
 * and its errors read with it, and each option labelled with its description.
 */
export function ChoiceFieldset<V extends string>({
  legend,
  hint,
  options,
  error,
  input,
  ref,
  'data-testid': testId,
}: ChoiceFieldsetProps<V>) {
  const id = useId();
  const messages = fieldMessages(error);
  const describedBy = [hint ? `${id}-hint` : null, messages.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      ref={ref}
      className="field fieldset"
      aria-describedby={describedBy}
      aria-invalid={messages.length ? true : undefined}
      tabIndex={ref ? -1 : undefined}
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
          {input(option)}
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
