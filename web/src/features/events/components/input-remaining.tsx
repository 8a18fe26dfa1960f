import { useEffect } from 'react';
import type { UnitCode } from '@nguon/shared';
import { formatQuantity } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useBatchBalance } from '../api/get-batch-balance';
import { lineFor, overRemaining } from '../utils/remaining';

interface InputRemainingProps {
  batchId: string;
  quantity: number;
  unit: UnitCode;
  /** What remains when the quantity is more than that (null when it is not, or cannot be told). */
  onOver: (batchId: string, remaining: number | null) => void;
}

/** Beside an input batch of processing: how much of it remains for the business, and whether the amount used is more. */
export function InputRemaining({ batchId, quantity, unit, onOver }: InputRemainingProps) {
  const t = useT();
  const { locale } = useLocale();
  const balance = useBatchBalance(batchId);
  const lines = balance.status === 'success' ? balance.data.lines : [];
  const line = lineFor(lines, unit);
  const over = overRemaining(lines, quantity, unit);
  useEffect(() => onOver(batchId, over), [batchId, over, onOver]);
  useEffect(() => () => onOver(batchId, null), [batchId, onOver]);
  if (!line?.unit) return null;
  return (
    <p className="field__hint" data-testid="input-remaining">
      {t('events.balance.remaining', { remaining: formatQuantity(Math.max(line.remaining, 0), line.unit, locale) })}
    </p>
  );
}
