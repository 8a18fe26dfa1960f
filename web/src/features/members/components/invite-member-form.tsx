import { useState, type FormEvent } from 'react';
import { MEMBER_ROLES, type MemberRole, type MemberView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { focusFirstInvalid } from '@/lib/focus';
import { useAction } from '@/lib/use-action';
import { inviteMember } from '../api/invite-member';

/** Adds someone by email: at once when they have an account, else as an invitation. */
export function InviteMemberForm({ businessId, onInvited }: { businessId: string; onInvited: (member: MemberView) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('staff');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction(inviteMember);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = email.trim();
    const found = value === '' ? t('form.required') : !/^\S+@\S+\.\S+$/.test(value) ? t('form.email') : null;
    setProblem(found);
    const form = event.currentTarget;
    if (found) return focusFirstInvalid(form);
    const result = await action.run(businessId, { email: value, role }, { locale });
    if (!result.ok) return focusFirstInvalid(form);
    setEmail('');
    setRole('staff');
    onInvited(result.value);
  };

  const alreadyMember = action.error?.code === 'ALREADY_MEMBER';

  return (
    <form className="form form--inline" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={action.pending} data-testid="invite-form">
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
          error={problem ?? (alreadyMember ? t('members.invite.already') : fieldErrorOf(action.error, 'email'))}
          maxLength={254}
          required
        />
        <SelectField label={t('members.role')} name="role" value={role} onChange={(event) => setRole(event.target.value as MemberRole)} error={fieldErrorOf(action.error, 'role')}>
          {MEMBER_ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`member.role.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="field__hint">{t('members.invite.hint')}</p>
      <FormError error={alreadyMember ? null : action.error} shownFields={['email', 'role']} />
      <Button type="submit" disabled={action.pending} data-testid="invite-submit">
        {action.pending ? t('form.sending') : t('members.invite.submit')}
      </Button>
    </form>
  );
}
