import { useState, type FormEvent } from 'react';
import { API_KEY_SCOPES, type ApiKeyScope, type CreatedApiKey } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { focusFirstInvalid } from '@/lib/focus';
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

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      ...(name.trim() === '' ? { name: t('form.required') } : {}),
      ...(scopes.length === 0 ? { scopes: t('apiKeys.scopesRequired') } : {}),
    };
    setProblems(found);
    const form = event.currentTarget;
    if (Object.keys(found).length) return focusFirstInvalid(form);
    const result = await action.run(businessId, { name: name.trim(), scopes }, { locale });
    if (!result.ok) return focusFirstInvalid(form);
    setName('');
    setScopes(['capture']);
    onCreated(result.value);
  };

  return (
    <form className="form form--inline" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={action.pending} data-testid="create-api-key-form">
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
        options={API_KEY_SCOPES.map((scope) => ({ value: scope, label: t(`apiKeys.scope.${scope}`), description: t(`apiKeys.scope.${scope}.hint`) }))}
        value={scopes}
        onChange={setScopes}
        error={problems.scopes ?? fieldErrorOf(action.error, 'scopes')}
      />
      <FormError error={action.error} shownFields={['name', 'scopes']} />
      <Button type="submit" disabled={action.pending} data-testid="create-api-key-submit">
        {action.pending ? t('form.sending') : t('apiKeys.create.submit')}
      </Button>
    </form>
  );
}
