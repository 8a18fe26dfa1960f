import { useState } from 'react';
import type { MemberView } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Notice } from '@/components/ui/notice';
import { QueryResult } from '@/components/ui/query-result';
import { useRequestErrorMessage } from '@/lib/error-message';
import { formatInstantDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';
import { useMembers } from '../api/list-members';
import { changeMemberRole, leaveBusiness } from '../api/change-member';
import { removeMember } from '../api/remove-member';

interface MembersCardProps {
  businessId: string;
  /** Owners change roles and remove; staff only see who is there. Anyone may leave. */
  canManage: boolean;
  currentEmail: string;
  /** The user removed themselves: they no longer belong here. */
  onSelfRemoved?: () => void;
}

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The people of a business, with role changes and removal for owners, and leaving for everyone. */
export function MembersCard({ businessId, canManage, currentEmail, onSelfRemoved }: MembersCardProps) {
  const t = useT();
  const { locale } = useLocale();
  const message = useRequestErrorMessage();
  const members = useMembers(businessId);
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // Leaving goes through its own route, open to staff too; removing someone else is for owners.
  const remove = useAction((member: MemberView) =>
    sameEmail(member.email, currentEmail) ? leaveBusiness(businessId, { locale }) : removeMember(businessId, member.email, { locale }),
  );
  const changeRole = useAction((member: MemberView) =>
    changeMemberRole(businessId, member.email, member.role === 'owner' ? 'staff' : 'owner', { locale }),
  );

  const onChangeRole = async (member: MemberView) => {
    const result = await changeRole.run(member);
    if (!result.ok) return;
    members.setData((list) => list.map((m) => (sameEmail(m.email, member.email) ? result.value : m)));
    setNote(t('members.roleChanged', { email: member.email, role: t(`member.role.${result.value.role}`) }));
  };

  const onRemove = async () => {
    if (!removing) return;
    const result = await remove.run(removing);
    if (!result.ok) return;
    members.setData((list) => list.filter((m) => !sameEmail(m.email, removing.email)));
    setNote(t('members.removed', { email: removing.email }));
    setRemoving(null);
    if (sameEmail(removing.email, currentEmail)) onSelfRemoved?.();
  };

  return (
    <Card title={t('members.title')} intro={canManage ? t('members.intro') : undefined} data-testid="members">
      <QueryResult query={members} loadingLabel={t('members.loading')}>
        {(list) => (
          <ul className="row-list" aria-label={t('members.title')}>
            {list.map((member) => (
              <li
                key={member.email}
                className="row"
                data-testid="member-row"
                data-email={member.email}
                data-status={member.status}
                data-role={member.role}
              >
                <div className="row__main">
                  <p className="row__title">
                    {member.displayName ?? member.email}
                    {sameEmail(member.email, currentEmail) ? <span className="muted"> {t('members.you')}</span> : null}
                  </p>
                  {member.displayName ? <p className="row__meta">{member.email}</p> : null}
                  <p className="row__meta">
                    <Badge tone={member.role === 'owner' ? 'info' : 'neutral'}>{t(`member.role.${member.role}`)}</Badge>{' '}
                    <span>{t('members.since', { date: formatInstantDate(member.since, locale) })}</span>
                  </p>
                </div>
                {canManage || sameEmail(member.email, currentEmail) ? (
                  <div className="row__actions">
                    {canManage ? (
                      <Button
                        variant="secondary"
                        className="button--small"
                        disabled={changeRole.pending}
                        onClick={() => void onChangeRole(member)}
                        data-testid="change-role"
                      >
                        {member.role === 'owner' ? t('members.makeStaff') : t('members.makeOwner')}
                      </Button>
                    ) : null}
                    <Button
                      variant="secondary"
                      className="button--small button--danger-outline"
                      onClick={() => {
                        remove.reset();
                        setRemoving(member);
                      }}
                      data-testid="remove-member"
                      aria-label={
                        sameEmail(member.email, currentEmail) ? t('members.leave') : t('members.removeLabel', { email: member.email })
                      }
                    >
                      {sameEmail(member.email, currentEmail) ? t('members.leave') : t('members.remove')}
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryResult>
      {changeRole.error ? (
        <p role="alert">{changeRole.error.code === 'LAST_OWNER' ? t('members.lastOwner') : message(changeRole.error)}</p>
      ) : null}
      {note ? (
        <Notice tone="success" role="status" data-testid="members-note">
          {note}
        </Notice>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={removing && sameEmail(removing.email, currentEmail) ? t('members.leaveTitle') : t('members.removeTitle')}
        confirmLabel={removing && sameEmail(removing.email, currentEmail) ? t('members.leave') : t('members.remove')}
        cancelLabel={t('form.cancel')}
        tone="danger"
        pending={remove.pending}
        error={remove.error ? (remove.error.code === 'LAST_OWNER' ? t('members.lastOwner') : message(remove.error)) : null}
        onConfirm={() => void onRemove()}
        onClose={() => setRemoving(null)}
        data-testid="remove-member-dialog"
      >
        <p>
          {removing
            ? sameEmail(removing.email, currentEmail)
              ? t('members.removeSelfText')
              : t('members.removeText', { email: removing.email })
            : null}
        </p>
      </ConfirmDialog>
    </Card>
  );
}
