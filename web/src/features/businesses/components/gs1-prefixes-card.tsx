import { useState, type FormEvent } from 'react';
import type { BusinessView } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { updateGs1Prefixes } from '../api/update-gs1-prefixes';
import { prefixesProblem, splitPrefixes, typedPrefix } from '../utils/gs1-prefixes';

/**
 * The owners' list of the business's GS1 company prefixes. Any change is allowed while the business
 * waits for verification; once verified, a prefix added waits for an administrator to confirm it.
 */
export function Gs1PrefixesCard({ business, onChanged }: { business: BusinessView; onChanged: (business: BusinessView) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [text, setText] = useState(() => business.gs1Prefixes.map((p) => typedPrefix(p.prefix)).join(', '));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction((gs1Prefixes: string[]) => updateGs1Prefixes(business.id, { gs1Prefixes }, { locale }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found = prefixesProblem(text, t);
    setProblem(found);
    setSaved(false);
    void submitForm(event, {
      problems: found ? { gs1Prefixes: found } : {},
      send: () => action.run(splitPrefixes(text)),
      onSent: (updated) => {
        setSaved(true);
        onChanged(updated);
      },
    });
  };

  return (
    <Card title={t('claims.edit.title')} intro={t('claims.edit.intro')} data-testid="gs1-prefixes-card">
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={action.pending}>
        <TextField
          label={t('claims.prefixes.label')}
          hint={t('claims.prefixes.hint')}
          name="gs1Prefixes"
          inputMode="numeric"
          autoComplete="off"
          maxLength={400}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          error={problem ?? fieldErrorOf(action.error, 'gs1Prefixes')}
          data-testid="gs1-prefixes-edit"
        />
        <FormError error={action.error} shownFields={['gs1Prefixes']} />
        {saved ? (
          <Notice tone="success" role="status">
            {t('claims.edit.saved')}
          </Notice>
        ) : null}
        <SubmitButton pending={action.pending} data-testid="gs1-prefixes-save">
          {t('claims.edit.save')}
        </SubmitButton>
      </form>
    </Card>
  );
}
