import { useId, useState, type FormEvent } from 'react';
import type { LoginResponse } from '@nguon/shared';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { login } from '../api/login';

const FIELDS = ['email', 'password'];

/** Email and password → a session; wrong credentials, a disabled account or too many tries say so. */
export function LoginForm({ onSignedIn }: { onSignedIn: (response: LoginResponse) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const errorId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<{ email?: string; password?: string }>({});
  const action = useAction(login);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found = {
      ...(email.trim() === '' ? { email: t('form.required') } : {}),
      ...(password === '' ? { password: t('form.required') } : {}),
    };
    setProblems(found);
    void submitForm(event, { problems: found, send: () => action.run({ email: email.trim(), password }, { locale }), onSent: onSignedIn });
  };

  // Wrong credentials are about both fields together: the message sits above the button.
  const credentialsError = action.error?.code === 'INVALID_CREDENTIALS' ? errorId : undefined;

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={action.pending} data-testid="login-form">
      <TextField
        label={t('auth.email')}
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={problems.email ?? fieldErrorOf(action.error, 'email')}
        errorId={credentialsError}
        required
        autoFocus
      />
      <TextField
        label={t('auth.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        maxLength={200}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={problems.password ?? fieldErrorOf(action.error, 'password')}
        errorId={credentialsError}
        required
      />
      <FormError id={errorId} error={action.error} shownFields={FIELDS} />
      <SubmitButton className="button--block" pending={action.pending} pendingLabel={t('auth.signingIn')}>
        {t('auth.signIn')}
      </SubmitButton>
    </form>
  );
}
