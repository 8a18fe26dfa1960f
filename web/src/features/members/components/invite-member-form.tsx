import { useState, type FormEvent } from 'react';
import { MEMBER_ROLES, type CreatedInvitation, type MemberRole } from '@nguon/shared';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { emailProblem } from '@/lib/validation';
import { inviteMember } from '../api/invitations';

/** Invites someone by email: they get a single-use link by mail; the owner sees it once too. */
export function InviteMemberForm({ businessId, onInvited }: { businessId: string; onInvited: (created: CreatedInvitation) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('staff');
  const [problems, setProblems] = useState<{ email?: string }>({});
  const action = useAction(inviteMember);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const emailWrong = emailProblem(email);
    const found = emailWrong ? { email: t(emailWrong) } : {};
    setProblems(found);
    void submitForm(event, {
      problems: found,
      send: () => action.run(businessId, { email: email.trim(), role }, { locale }),
      onSent: (created) => {
        setEmail('');
        setRole('staff');
        onInvited(created);
      },
    });
  };

  const alreadyMember = action.error?.code === 'ALREADY_MEMBER';

  return (
    <form className="form form--inline" onSubmit={onSubmit} noValidate aria-busy={action.pending} data-testid="invite-form">
      <h3 className="form__title">{t('members.invite.title')}</h3>
      <div className="form__pair form__pair--wide">
        <TextField
          label={t('members.invite.email')}
          type="email"
          name="email"
          inputMode="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={problems.email ?? (alreadyMember ? t('members.invite.already') : fieldErrorOf(action.error, 'email'))}
          maxLength={254}
          required
        />
        <SelectField
          label={t('members.role')}
          name="role"
          value={role}
          onChange={(event) => setRole(event.target.value as MemberRole)}
          error={fieldErrorOf(action.error, 'role')}
        >
          {MEMBER_ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`member.role.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="field__hint">{t('members.invite.hint')}</p>
      <FormError error={alreadyMember ? null : action.error} shownFields={['email', 'role']} />
      <SubmitButton pending={action.pending} data-testid="invite-submit">
        {t('members.invite.submit')}
      </SubmitButton>
    </form>
  );
}
