import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { passwordTooShort } from '@/lib/validation';
import { changePassword } from '../api/change-password';
import { NewPasswordField } from '@/components/ui/password-field';

const FIELDS = ['currentPassword', 'newPassword'];

/** Current and new password; the account's other sign-ins end, this one stays. */
export function ChangePasswordForm() {
  const t = useT();
  const { locale } = useLocale();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [problems, setProblems] = useState<{ current?: string; next?: string }>({});
  const [done, setDone] = useState(false);
  const action = useAction(changePassword);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    setDone(false);
    const found = {
      ...(currentPassword === '' ? { current: t('form.required') } : {}),
      ...(passwordTooShort(newPassword) ? { next: t('auth.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) } : {}),
      ...(newPassword !== '' && newPassword === currentPassword ? { next: t('account.passwordSame') } : {}),
    };
    setProblems(found);
    void submitForm(event, {
      problems: found,
      send: () => action.run({ currentPassword, newPassword }, { locale }),
      onSent: () => {
        setCurrentPassword('');
        setNewPassword('');
        setDone(true);
      },
    });
  };

  const wrongPassword = action.error?.code === 'WRONG_PASSWORD';

  return (
    <Card title={t('account.password.title')} intro={t('account.password.intro')} data-testid="change-password">
      <form className="form" noValidate aria-busy={action.pending} onSubmit={onSubmit} data-testid="change-password-form">
        <TextField
          label={t('account.currentPassword')}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          maxLength={200}
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={problems.current ?? (wrongPassword ? t('account.wrongPassword') : fieldErrorOf(action.error, 'currentPassword'))}
          required
        />
        <NewPasswordField
          label={t('account.newPassword')}
          name="newPassword"
          value={newPassword}
          onChange={setNewPassword}
          error={problems.next ?? fieldErrorOf(action.error, 'newPassword')}
        />
        <FormError error={wrongPassword ? null : action.error} shownFields={FIELDS} />
        {done ? (
          <Notice tone="success" role="status" data-testid="password-changed">
            {t('account.passwordChanged')}
          </Notice>
        ) : null}
        <SubmitButton pending={action.pending} pendingLabel={t('form.saving')}>
          {t('account.changePassword')}
        </SubmitButton>
      </form>
    </Card>
  );
}
