import { useState, type FormEvent } from 'react';
import { isValidGln, type BusinessView } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { updateBusinessGln } from '../api/update-business-gln';

/**
 * The owners' GLN of the business: the party its events name, which partners' systems send goods
 * to. It must fall under one of the business's GS1 company prefixes; empty clears it.
 */
export function BusinessGlnCard({ business, onChanged }: { business: BusinessView; onChanged: (business: BusinessView) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [text, setText] = useState(business.gln ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction((gln: string | null) => updateBusinessGln(business.id, { gln }, { locale }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const gln = text.trim();
    const found = gln && !isValidGln(gln) ? t('business.gln.invalid') : null;
    setProblem(found);
    setSaved(false);
    void submitForm(event, {
      problems: found ? { gln: found } : {},
      send: () => action.run(gln || null),
      onSent: (updated) => {
        setSaved(true);
        onChanged(updated);
      },
    });
  };

  return (
    <Card title={t('gln.edit.title')} intro={t('gln.edit.intro')} data-testid="business-gln-card">
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={action.pending}>
        <TextField
          label={t('gln.edit.label')}
          name="gln"
          inputMode="numeric"
          autoComplete="off"
          maxLength={13}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          error={problem ?? fieldErrorOf(action.error, 'gln')}
          data-testid="business-gln-edit"
        />
        <FormError error={action.error} shownFields={['gln']} />
        {saved ? (
          <Notice tone="success" role="status">
            {t('claims.edit.saved')}
          </Notice>
        ) : null}
        <SubmitButton pending={action.pending} data-testid="business-gln-save">
          {t('gln.edit.save')}
        </SubmitButton>
      </form>
    </Card>
  );
}
