import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, type UserView } from '@nguon/shared';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { emailProblem, passwordTooShort } from '@/lib/validation';
import { createUser } from '../api/create-user';

const FIELDS = ['email', 'displayName', 'password', 'role'];

/**
 * An inspector's account, made by an administrator (inspectors do not sign themselves up): the
 * administrator hands the first password over and the inspector changes it on their account page.
 */
export function CreateInspectorForm({ onCreated }: { onCreated: (user: UserView) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<{ displayName?: string; email?: string; password?: string }>({});
  const action = useAction(createUser);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const emailWrong = emailProblem(email);
    const found = {
      ...(displayName.trim() === '' ? { displayName: t('form.required') } : {}),
      ...(emailWrong ? { email: t(emailWrong) } : {}),
      ...(passwordTooShort(password) ? { password: t('auth.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) } : {}),
    };
    setProblems(found);
    void submitForm(event, {
      problems: found,
      send: () => action.run({ displayName: displayName.trim(), email: email.trim(), password, role: 'inspector' }, { locale }),
      onSent: (user) => {
        setDisplayName('');
        setEmail('');
        setPassword('');
        onCreated(user);
      },
    });
  };

  const emailTaken = action.error?.code === 'EMAIL_TAKEN';

  return (
    <form className="form form--inline" onSubmit={onSubmit} noValidate aria-busy={action.pending} data-testid="create-inspector-form">
      <h3 className="form__title">{t('inspectors.create.title')}</h3>
      <div className="form__pair form__pair--wide">
        <TextField
          label={t('auth.displayName')}
          name="displayName"
          autoComplete="off"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={problems.displayName ?? fieldErrorOf(action.error, 'displayName')}
          maxLength={120}
          required
        />
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="off"
          inputMode="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={problems.email ?? (emailTaken ? t('auth.emailTaken') : fieldErrorOf(action.error, 'email'))}
          maxLength={254}
          required
        />
      </div>
      <TextField
        label={t('inspectors.create.password')}
        hint={t('inspectors.create.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        type="text"
        name="password"
        autoComplete="off"
        spellCheck={false}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        maxLength={200}
        error={problems.password ?? fieldErrorOf(action.error, 'password')}
        required
      />
      <FormError error={emailTaken ? null : action.error} shownFields={FIELDS} />
      <SubmitButton pending={action.pending} data-testid="create-inspector-submit">
        {t('inspectors.create.submit')}
      </SubmitButton>
    </form>
  );
}
