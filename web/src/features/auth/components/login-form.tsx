import { useId, useState, type FormEvent } from 'react';
import type { LoginResponse } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { focusFirstInvalid } from '@/lib/focus';
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
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const action = useAction(login);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nextMissing = { email: email.trim() === '', password: password === '' };
    setMissing(nextMissing);
    const form = event.currentTarget;
    if (nextMissing.email || nextMissing.password) return focusFirstInvalid(form);
    const result = await action.run({ email: email.trim(), password }, { locale });
    if (result.ok) onSignedIn(result.value);
    else focusFirstInvalid(form);
  };

  // Wrong credentials are about both fields together: the message sits above the button.
  const credentialsError = action.error?.code === 'INVALID_CREDENTIALS' ? errorId : undefined;

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={action.pending} data-testid="login-form">
      <TextField
        label={t('auth.email')}
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={missing.email ? t('form.required') : fieldErrorOf(action.error, 'email')}
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
        error={missing.password ? t('form.required') : fieldErrorOf(action.error, 'password')}
        errorId={credentialsError}
        required
      />
      <FormError id={errorId} error={action.error} shownFields={FIELDS} />
      <Button type="submit" className="button--block" disabled={action.pending}>
        {action.pending ? t('auth.signingIn') : t('auth.signIn')}
      </Button>
    </form>
  );
}
