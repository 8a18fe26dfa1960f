import { useState } from 'react';
import { USER_ROLES, type UserRole, type UpdateUserRequest, type UserView } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Notice } from '@/components/ui/notice';
import { useRequestErrorMessage } from '@/lib/error-message';
import { formatInstantDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';
import { updateUser } from '../api/update-user';
import { UserRoleBadge } from './user-role-badge';

type Change = { user: UserView; update: UpdateUserRequest };

interface UserListProps {
  users: readonly UserView[];
  currentUserId: string;
  onUpdated: (user: UserView) => void;
}

/**
 * Accounts with their role and state; an administrator changes a role or disables an account
 * after confirming. Their own account is left alone (no locking oneself out).
 */
export function UserList({ users, currentUserId, onUpdated }: UserListProps) {
  const t = useT();
  const { locale } = useLocale();
  const message = useRequestErrorMessage();
  const [change, setChange] = useState<Change | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const action = useAction((c: Change) => updateUser(c.user.id, c.update, { locale }));

  const ask = (next: Change) => {
    action.reset();
    setChange(next);
  };

  const onConfirm = async () => {
    if (!change) return;
    const result = await action.run(change);
    if (!result.ok) return;
    onUpdated(result.value);
    const who = result.value.displayName || result.value.email;
    setNote(
      change.update.role
        ? t('users.roleChanged', { name: who, role: t(`user.role.${change.update.role}`) })
        : change.update.disabled
          ? t('users.disabledNote', { name: who })
          : t('users.enabledNote', { name: who }),
    );
    setChange(null);
  };

  const dialogTitle = !change
    ? ''
    : change.update.role
      ? t('users.roleTitle', { name: change.user.displayName || change.user.email, role: t(`user.role.${change.update.role}`) })
      : change.update.disabled
        ? t('users.disableTitle', { name: change.user.displayName || change.user.email })
        : t('users.enableTitle', { name: change.user.displayName || change.user.email });
  const dialogText = !change
    ? ''
    : change.update.role
      ? t(`users.roleText.${change.update.role}`)
      : change.update.disabled
        ? t('users.disableText')
        : t('users.enableText');

  return (
    <>
      {note ? (
        <Notice tone="success" role="status" data-testid="users-note">
          {note}
        </Notice>
      ) : null}
      <ul className="row-list surface">
        {users.map((user) => {
          const self = user.id === currentUserId;
          return (
            <li
              key={user.id}
              className={['row', user.disabled ? 'row--inactive' : null].filter(Boolean).join(' ')}
              data-testid="user-row"
              data-user-id={user.id}
              data-email={user.email}
              data-role={user.role}
              data-disabled={String(user.disabled)}
            >
              <div className="row__main">
                <p className="row__title">
                  {user.displayName}
                  {self ? <span className="muted"> {t('members.you')}</span> : null}
                </p>
                <p className="row__meta">{user.email}</p>
                <p className="row__meta">
                  <UserRoleBadge role={user.role} />{' '}
                  {user.disabled ? (
                    <Badge tone="danger" data-testid="user-disabled">
                      {t('users.disabled')}
                    </Badge>
                  ) : null}{' '}
                  <span>{t('users.since', { date: formatInstantDate(user.createdAt, locale) })}</span>
                </p>
              </div>
              {self ? null : (
                <div className="row__actions">
                  <label className="inline-select">
                    <span className="visually-hidden">{t('users.roleFor', { name: user.displayName || user.email })}</span>
                    <select
                      className="field__input field__select field__input--small"
                      value={user.role}
                      onChange={(event) => ask({ user, update: { role: event.target.value as UserRole } })}
                      data-testid="user-role-select"
                    >
                      {USER_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`user.role.${role}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <Button
                    variant="secondary"
                    className={['button--small', user.disabled ? null : 'button--danger-outline'].filter(Boolean).join(' ')}
                    onClick={() => ask({ user, update: { disabled: !user.disabled } })}
                    data-testid={user.disabled ? 'enable-user' : 'disable-user'}
                    aria-label={t(user.disabled ? 'users.enableLabel' : 'users.disableLabel', { name: user.displayName || user.email })}
                  >
                    {t(user.disabled ? 'users.enable' : 'users.disable')}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={change !== null}
        title={dialogTitle}
        confirmLabel={t('form.confirm')}
        cancelLabel={t('form.cancel')}
        tone={change?.update.disabled ? 'danger' : 'primary'}
        pending={action.pending}
        error={action.error ? message(action.error) : null}
        onConfirm={() => void onConfirm()}
        onClose={() => setChange(null)}
        data-testid="user-dialog"
      >
        <p>{dialogText}</p>
      </ConfirmDialog>
    </>
  );
}
