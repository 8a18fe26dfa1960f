import { useState } from 'react';
import type { RecallRequest } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useRequestErrorMessage } from '@/lib/error-message';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';
import { liftRecall } from '../api/lift-recall';
import { recallBatch } from '../api/recall-batch';
import { RecallDialog } from './recall-dialog';

interface RecallActionsProps {
  batchId: string;
  lotCode: string;
  /** Whether a recall of this very batch is in force: then it can be lifted, else recalled. */
  recalled: boolean;
  /** After a recall or a lift, so the page reads the batch again. */
  onChanged: () => void;
}

/**
 * "Recall this batch" or "Lift the recall", each through its dialog: for inspectors on any batch,
 * and for a producer's owners on their own (the server refuses them an inspector's recall).
 */
export function RecallActions({ batchId, lotCode, recalled, onChanged }: RecallActionsProps) {
  const t = useT();
  const { locale } = useLocale();
  const message = useRequestErrorMessage();
  const [dialog, setDialog] = useState<'recall' | 'lift' | null>(null);
  const [liftReason, setLiftReason] = useState('');
  const recallAction = useAction(recallBatch);
  const liftAction = useAction(liftRecall);

  const close = () => {
    setDialog(null);
    recallAction.reset();
    liftAction.reset();
  };
  const done = () => {
    close();
    setLiftReason('');
    onChanged();
  };
  const recallIt = async (request: RecallRequest) => {
    if ((await recallAction.run(batchId, request, { locale })).ok) done();
  };
  const liftIt = async () => {
    if ((await liftAction.run(batchId, { reason: liftReason.trim() }, { locale })).ok) done();
  };

  return (
    <>
      <div className="actions__buttons recall-actions">
        {recalled ? (
          <Button variant="secondary" onClick={() => setDialog('lift')} data-testid="lift-recall">
            {t('inspector.recall.lift')}
          </Button>
        ) : (
          <Button className="button--danger" onClick={() => setDialog('recall')} data-testid="recall-batch">
            {t('inspector.recall.open')}
          </Button>
        )}
      </div>
      <RecallDialog
        open={dialog === 'recall'}
        batchId={batchId}
        lotCode={lotCode}
        pending={recallAction.pending}
        error={recallAction.error}
        onClose={close}
        onConfirm={(request) => void recallIt(request)}
      />
      <ConfirmDialog
        open={dialog === 'lift'}
        title={t('inspector.recall.liftTitle', { lot: lotCode })}
        confirmLabel={t('inspector.recall.liftConfirm')}
        cancelLabel={t('inspector.cancel')}
        pending={liftAction.pending}
        error={liftAction.error ? message(liftAction.error) : null}
        reason={{
          label: t('inspector.recall.liftReason'),
          value: liftReason,
          onChange: setLiftReason,
          error: liftAction.error?.fieldErrors.reason,
        }}
        onClose={close}
        onConfirm={() => void liftIt()}
        data-testid="lift-dialog"
      >
        {t('inspector.recall.liftText')}
      </ConfirmDialog>
    </>
  );
}
