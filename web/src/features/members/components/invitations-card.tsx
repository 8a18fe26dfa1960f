import { useState } from 'react';
import type { CreatedInvitation, InvitationView } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { FormError } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { QueryResult } from '@/components/ui/query-result';
import { formatInstantDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';
import { resendInvitation, revokeInvitation, useInvitations } from '../api/invitations';
import { InviteMemberForm } from './invite-member-form';

/** Owners only: the invitations waiting for an answer, re-send and revoke, and the invite form. */
export function InvitationsCard({ businessId }: { businessId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const invitations = useInvitations(businessId);
  // The link of the newest invitation or re-send: the server shows it this once.
  const [created, setCreated] = useState<{ link: string; note: string } | null>(null);
  const resend = useAction((id: string) => resendInvitation(businessId, id, { locale }));
  const revoke = useAction((id: string) => revokeInvitation(businessId, id, { locale }));

  const show = (result: CreatedInvitation, note: string) => {
    invitations.setData((list) => [...list.filter((i) => i.id !== result.invitation.id), result.invitation]);
    setCreated({ link: result.link, note });
  };
  const onResend = async (invitation: InvitationView) => {
    const result = await resend.run(invitation.id);
    if (result.ok) show(result.value, t('members.pending.resent', { email: invitation.email }));
  };
  const onRevoke = async (invitation: InvitationView) => {
    if (!(await revoke.run(invitation.id)).ok) return;
    invitations.setData((list) => list.filter((i) => i.id !== invitation.id));
    setCreated({ link: '', note: t('members.pending.revoked', { email: invitation.email }) });
  };

  return (
    <Card title={t('members.pending.title')} data-testid="invitations">
      <QueryResult query={invitations} loadingLabel={t('members.pending.loading')}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('members.pending.empty')}</p>
          ) : (
            <ul className="row-list" aria-label={t('members.pending.title')}>
              {list.map((invitation) => (
                <li key={invitation.id} className="row" data-testid="invitation-row" data-email={invitation.email}>
                  <div className="row__main">
                    <p className="row__title">{invitation.email}</p>
                    <p className="row__meta">
                      <Badge tone={invitation.role === 'owner' ? 'info' : 'neutral'}>{t(`member.role.${invitation.role}`)}</Badge>{' '}
                      {invitation.expired ? <Badge tone="warning">{t('members.pending.expired')}</Badge> : null}{' '}
                      <span>
                        {t('members.pending.meta', {
                          by: invitation.invitedByEmail,
                          date: formatInstantDate(invitation.expiresAt, locale),
                        })}
                      </span>
                    </p>
                  </div>
                  <div className="row__actions">
                    <Button
                      variant="secondary"
                      className="button--small"
                      disabled={resend.pending}
                      onClick={() => void onResend(invitation)}
                      data-testid="resend-invitation"
                    >
                      {t('members.pending.resend')}
                    </Button>
                    <Button
                      variant="secondary"
                      className="button--small button--danger-outline"
                      disabled={revoke.pending}
                      onClick={() => void onRevoke(invitation)}
                      data-testid="revoke-invitation"
                    >
                      {t('members.pending.revoke')}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryResult>
      <FormError error={resend.error ?? revoke.error} />
      {created ? (
        <Notice tone="success" role="status" data-testid="invitation-note">
          <p>{created.note}</p>
          {created.link ? (
            <>
              <p>
                <strong>{t('members.link.title')}</strong>
              </p>
              <p>{t('members.link.text')}</p>
              <p>
                <code data-testid="invitation-link">{created.link}</code>
              </p>
              <CopyButton text={created.link} label={t('members.link.copy')} />
            </>
          ) : null}
        </Notice>
      ) : null}
      <InviteMemberForm
        businessId={businessId}
        onInvited={(result) => show(result, t('members.invite.sent', { email: result.invitation.email }))}
      />
    </Card>
  );
}
