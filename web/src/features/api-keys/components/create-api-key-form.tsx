import { useState, type FormEvent } from 'react';
import { API_KEY_SCOPES, type ApiKeyScope, type CreatedApiKey } from '@nguon/shared';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { createApiKey } from '../api/create-api-key';

/** A name to tell the key apart (e.g. the packing-line scanner) and what it may do. */
export function CreateApiKeyForm({ businessId, onCreated }: { businessId: string; onCreated: (key: CreatedApiKey) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['capture']);
  const [problems, setProblems] = useState<{ name?: string; scopes?: string }>({});
  const action = useAction(createApiKey);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found = {
      ...(name.trim() === '' ? { name: t('form.required') } : {}),
      ...(scopes.length === 0 ? { scopes: t('apiKeys.scopesRequired') } : {}),
    };
    setProblems(found);
    void submitForm(event, {
      problems: found,
      send: () => action.run(businessId, { name: name.trim(), scopes }, { locale }),
      onSent: (key) => {
        setName('');
        setScopes(['capture']);
        onCreated(key);
      },
    });
  };

  return (
    <form className="form form--inline" onSubmit={onSubmit} noValidate aria-busy={action.pending} data-testid="create-api-key-form">
      <h3 className="form__title">{t('apiKeys.create.title')}</h3>
      <TextField
        label={t('apiKeys.name')}
        hint={t('apiKeys.nameHint')}
        name="name"
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={problems.name ?? fieldErrorOf(action.error, 'name')}
        maxLength={100}
        required
      />
      <CheckboxGroup
        legend={t('apiKeys.scopes')}
        name="scopes"
        options={API_KEY_SCOPES.map((scope) => ({
          value: scope,
          label: t(`apiKeys.scope.${scope}`),
          description: t(`apiKeys.scope.${scope}.hint`),
        }))}
        value={scopes}
        onChange={setScopes}
        error={problems.scopes ?? fieldErrorOf(action.error, 'scopes')}
      />
      <FormError error={action.error} shownFields={['name', 'scopes']} />
      <SubmitButton pending={action.pending} data-testid="create-api-key-submit">
        {t('apiKeys.create.submit')}
      </SubmitButton>
    </form>
  );
}
