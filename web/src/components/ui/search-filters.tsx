import { useState, type FormEvent } from 'react';
import { Button } from './button';
import { SelectField } from './select-field';
import { TextField } from './text-field';

interface SearchFiltersProps<V extends string> {
  /** The search landmark's name. */
  label: string;
  search: { label: string; hint?: string };
  /** The words searched for, trimmed, when the form is sent. */
  onSearch: (q: string) => void;
  /** One property to narrow by; "any" is the empty value, and a choice applies at once. */
  choice: {
    label: string;
    name: string;
    any: string;
    options: readonly { value: V; label: string }[];
    value: V | '';
    onChange: (value: V | '') => void;
    testId: string;
  };
  submitLabel: string;
}

/** A list's search box and one filter, side by side on wide screens. */
export function SearchFilters<V extends string>({ label, search, onSearch, choice, submitLabel }: SearchFiltersProps<V>) {
  const [q, setQ] = useState('');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(q.trim());
  };
  return (
    <form className="filters" role="search" onSubmit={onSubmit} aria-label={label}>
      <TextField
        label={search.label}
        hint={search.hint}
        type="search"
        name="q"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        className="filters__grow"
      />
      <SelectField
        label={choice.label}
        name={choice.name}
        value={choice.value}
        onChange={(event) => choice.onChange(event.target.value as V | '')}
        data-testid={choice.testId}
      >
        <option value="">{choice.any}</option>
        {choice.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" className="filters__submit">
        {submitLabel}
      </Button>
    </form>
  );
}
