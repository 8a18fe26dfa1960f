import { useState, type FormEvent } from 'react';
import type { BusinessView } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';

interface BusinessSettingCardProps {
  title: string;
  intro: string;
  label: string;
  hint?: string;
  /** The field's name, which the API's field errors use too. */
  name: string;
  maxLength: number;
  initial: string;
  saveLabel: string;
  /** Why the typed text cannot be sent, checked here first; null when it can. */
  problemOf: (text: string) => string | null;
  save: (text: string) => Promise<BusinessView>;
  onChanged: (business: BusinessView) => void;
  testId: string;
}

/** A business setting of one field, saved on its own (the GS1 prefixes, the GLN), saying when it is saved. */
export function BusinessSettingCard({
  title,
  intro,
  label,
  hint,
  name,
  maxLength,
  initial,
  saveLabel,
  problemOf,
  save,
  onChanged,
  testId,
}: BusinessSettingCardProps) {
  const t = useT();
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction(save);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found = problemOf(text);
    setProblem(found);
    setSaved(false);
    void submitForm(event, {
      problems: found ? { [name]: found } : {},
      send: () => action.run(text),
      onSent: (updated) => {
        setSaved(true);
        onChanged(updated);
      },
    });
  };

  return (
    <Card title={title} intro={intro} data-testid={`${testId}-card`}>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={action.pending}>
        <TextField
          label={label}
          hint={hint}
          name={name}
          inputMode="numeric"
          autoComplete="off"
          maxLength={maxLength}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          error={problem ?? fieldErrorOf(action.error, name)}
          data-testid={`${testId}-edit`}
        />
        <FormError error={action.error} shownFields={[name]} />
        {saved ? (
          <Notice tone="success" role="status">
            {t('claims.edit.saved')}
          </Notice>
        ) : null}
        <SubmitButton pending={action.pending} data-testid={`${testId}-save`}>
          {saveLabel}
        </SubmitButton>
      </form>
    </Card>
  );
}
