import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PASSWORD_MIN_LENGTH, type LoginResponse } from '@nguon/shared';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { NewPasswordField } from '@/components/ui/password-field';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { passwordTooShort } from '@/lib/validation';
import { signUpWithInvitation } from '../api/invitations';

/** An account with the invited address (the token proves it), joined and signed in at once. */
export function InvitationSignUpForm({
  token,
  email,
  loginHref,
  onJoined,
}: {
  token: string;
  email: string;
  loginHref: string;
  onJoined: (response: LoginResponse) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<{ displayName?: string; password?: string }>({});
  const action = useAction(signUpWithInvitation);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found = {
      ...(displayName.trim() === '' ? { displayName: t('form.required') } : {}),
      ...(passwordTooShort(password) ? { password: t('auth.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) } : {}),
    };
    setProblems(found);
    void submitForm(event, {
      problems: found,
      send: () => action.run({ token, displayName: displayName.trim(), password }, { locale }),
      onSent: onJoined,
    });
  };

  const taken = action.error?.code === 'EMAIL_TAKEN';

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={action.pending} data-testid="invitation-sign-up">
      <p>{t('invitation.signUp.text', { email })}</p>
      <TextField
        label={t('auth.displayName')}
        name="displayName"
        autoComplete="name"
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        error={problems.displayName ?? fieldErrorOf(action.error, 'displayName')}
        maxLength={120}
        required
      />
      <NewPasswordField
        label={t('auth.password')}
        value={password}
        onChange={setPassword}
        error={problems.password ?? fieldErrorOf(action.error, 'password')}
      />
      {taken ? (
        <p className="form__aside" role="alert">
          {t('auth.emailTaken')} <Link to={loginHref}>{t('auth.signInInstead')}</Link>
        </p>
      ) : (
        <FormError error={action.error} shownFields={['displayName', 'password']} />
      )}
      <SubmitButton className="button--block" pending={action.pending} pendingLabel={t('auth.registering')}>
        {t('invitation.signUp.submit')}
      </SubmitButton>
    </form>
  );
}
