import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '@nguon/shared';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { emailProblem, passwordTooShort } from '@/lib/validation';
import { register } from '../api/register';
import { NewPasswordField } from '@/components/ui/password-field';

const FIELDS = ['email', 'password', 'displayName'];

interface RegisterFormProps {
  /** Sign-up answers alike for every address: the next step is in the mail sent to it. */
  onRegistered: (email: string) => void;
}

type Problems = Partial<Record<'displayName' | 'email' | 'password', string>>;

export function RegisterForm({ onRegistered }: RegisterFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const action = useAction(register);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const emailWrong = emailProblem(email);
    const found: Problems = {
      ...(displayName.trim() === '' ? { displayName: t('form.required') } : {}),
      ...(emailWrong ? { email: t(emailWrong) } : {}),
      ...(passwordTooShort(password) ? { password: t('auth.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) } : {}),
    };
    setProblems(found);
    void submitForm(event, {
      problems: found,
      send: () => action.run({ displayName: displayName.trim(), email: email.trim(), password }, { locale }),
      onSent: () => onRegistered(email.trim()),
    });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={action.pending} data-testid="register-form">
      <TextField
        label={t('auth.displayName')}
        hint={t('auth.displayNameHint')}
        name="displayName"
        autoComplete="name"
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        error={problems.displayName ?? fieldErrorOf(action.error, 'displayName')}
        maxLength={120}
        required
        autoFocus
      />
      <TextField
        label={t('auth.email')}
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={problems.email ?? fieldErrorOf(action.error, 'email')}
        maxLength={254}
        required
      />
      <NewPasswordField
        label={t('auth.password')}
        value={password}
        onChange={setPassword}
        error={problems.password ?? fieldErrorOf(action.error, 'password')}
      />
      <FormError error={action.error} shownFields={FIELDS} />
      <SubmitButton className="button--block" pending={action.pending} pendingLabel={t('auth.registering')}>
        {t('auth.register')}
      </SubmitButton>
    </form>
  );
}
