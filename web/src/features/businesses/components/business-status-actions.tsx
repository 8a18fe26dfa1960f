import { useState } from 'react';
import type { BusinessView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Notice } from '@/components/ui/notice';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { useRequestErrorMessage } from '@/lib/error-message';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';
import { confirmGs1Prefixes } from '../api/confirm-gs1-prefixes';
import { rejectBusiness } from '../api/reject-business';
import { suspendBusiness } from '../api/suspend-business';
import { verifyBusiness } from '../api/verify-business';

type ReasonAction = 'reject' | 'suspend';
type Dialog = ReasonAction | 'verify';

interface BusinessStatusActionsProps {
  business: BusinessView;
  onChanged: (business: BusinessView) => void;
}

/**
 * An administrator's decisions on a business, as its status allows: verify or reject a pending
 * one, suspend a verified one, verify again a suspended or rejected one. A reason is required to
 * reject or suspend; the owner reads it on their business page. Verifying, asked once more in a
 * dialog since it lets the business publish, confirms the tax code
 * and GS1 company prefixes; prefixes a verified business adds later are confirmed on their own.
 * Claims a verified business already holds are flagged: the server refuses to confirm them.
 */
export function BusinessStatusActions({ business, onChanged }: BusinessStatusActionsProps) {
  const t = useT();
  const { locale } = useLocale();
  const message = useRequestErrorMessage();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [reason, setReason] = useState('');
  const verify = useAction(verifyBusiness);
  const confirmPrefixes = useAction(confirmGs1Prefixes);
  const decide = useAction((action: ReasonAction, text: string) =>
    action === 'reject'
      ? rejectBusiness(business.id, { reason: text }, { locale })
      : suspendBusiness(business.id, { reason: text }, { locale }),
  );

  // A refusal (a claim another verified business holds) is shown under the buttons, as before asking.
  const onVerify = async () => {
    const result = await verify.run(business.id, { locale });
    setDialog(null);
    if (result.ok) onChanged(result.value);
  };

  const onConfirmPrefixes = async () => {
    const result = await confirmPrefixes.run(business.id, { locale });
    if (result.ok) onChanged(result.value);
  };

  const open = (action: ReasonAction) => {
    decide.reset();
    setReason('');
    setDialog(action);
  };

  const onConfirm = async () => {
    if (!dialog) return;
    if (dialog === 'verify') return onVerify();
    const result = await decide.run(dialog, reason.trim());
    if (!result.ok) return;
    setDialog(null);
    onChanged(result.value);
  };

  const canVerify = business.status !== 'verified';
  const canReject = business.status === 'pending';
  const canSuspend = business.status === 'verified';
  const canConfirmPrefixes = business.status === 'verified' && business.gs1Prefixes.some((p) => !p.confirmed);
  const conflicts = business.taxCodeConflict !== null || business.gs1Prefixes.some((p) => p.conflict !== null);

  return (
    <div className="actions">
      {conflicts && business.status !== 'verified' ? (
        <Notice tone="danger" role="status" data-testid="claims-conflict">
          {t('claims.conflictNotice')}
        </Notice>
      ) : null}
      <div className="actions__buttons">
        {canVerify ? (
          <Button
            onClick={() => {
              verify.reset();
              setDialog('verify');
            }}
            disabled={verify.pending}
            data-testid="verify-button"
          >
            {verify.pending ? t('form.saving') : business.status === 'pending' ? t('admin.verify') : t('admin.reverify')}
          </Button>
        ) : null}
        {canConfirmPrefixes ? (
          <Button onClick={() => void onConfirmPrefixes()} disabled={confirmPrefixes.pending} data-testid="confirm-prefixes-button">
            {confirmPrefixes.pending ? t('form.saving') : t('claims.confirmButton')}
          </Button>
        ) : null}
        {canReject ? (
          <Button variant="secondary" className="button--danger-outline" onClick={() => open('reject')} data-testid="reject-button">
            {t('admin.reject')}
          </Button>
        ) : null}
        {canSuspend ? (
          <Button variant="secondary" className="button--danger-outline" onClick={() => open('suspend')} data-testid="suspend-button">
            {t('admin.suspend')}
          </Button>
        ) : null}
      </div>
      <FormError error={verify.error ?? confirmPrefixes.error} />
      <ConfirmDialog
        open={dialog !== null}
        title={t(dialog === 'verify' ? 'admin.verifyTitle' : dialog === 'suspend' ? 'admin.suspendTitle' : 'admin.rejectTitle', {
          name: business.legalName,
        })}
        confirmLabel={t(dialog === 'verify' ? 'admin.verify' : dialog === 'suspend' ? 'admin.suspend' : 'admin.reject')}
        cancelLabel={t('form.cancel')}
        tone={dialog === 'verify' ? 'primary' : 'danger'}
        pending={dialog === 'verify' ? verify.pending : decide.pending}
        error={dialog !== 'verify' && decide.error && !fieldErrorOf(decide.error, 'reason') ? message(decide.error) : null}
        reason={
          dialog === 'verify'
            ? undefined
            : {
                label: t('admin.reason'),
                hint: t('admin.reasonHint'),
                value: reason,
                onChange: setReason,
                error: fieldErrorOf(decide.error, 'reason'),
              }
        }
        onConfirm={() => void onConfirm()}
        onClose={() => setDialog(null)}
        data-testid={dialog === 'verify' ? 'verify-dialog' : 'reason-dialog'}
      >
        <p>{t(dialog === 'verify' ? 'admin.verifyText' : dialog === 'suspend' ? 'admin.suspendText' : 'admin.rejectText')}</p>
      </ConfirmDialog>
    </div>
  );
}
