import { useId } from 'react';
import type { UnitCode } from '@nguon/shared';
import { Notice } from '@/components/ui/notice';
import { formatQuantity } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';

/** What the warning says: how much remains of which lot, as the page knows it, or the server's own words. */
export type OverRemainingSays = { remaining: number; unit: UnitCode; lotCode: string } | { message: string };

interface OverRemainingProps {
  says: OverRemainingSays;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  /** Shown when the person tried to save without confirming. */
  error?: string;
}

/**
 * The warning before a form ships or uses more than remains of a batch: how much remains, and a
 * box to tick to save anyway (the record is the person's; inspectors see a flag).
 */
export function OverRemaining({ says, confirmed, onConfirm, error }: OverRemainingProps) {
  const t = useT();
  const { locale } = useLocale();
  const errorId = useId();
  return (
    <Notice tone="warning" className="stack events-over" data-testid="over-remaining">
      <p>
        {'message' in says
          ? says.message
          : t('events.balance.over', { lot: says.lotCode, remaining: formatQuantity(says.remaining, says.unit, locale) })}
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={confirmed}
          onChange={(event) => onConfirm(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid="confirm-over-remaining"
        />
        <span className="check__text">
          <span className="check__label">{t('events.balance.confirm')}</span>
          <span className="check__description">{t('events.balance.confirmHint')}</span>
        </span>
      </label>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </Notice>
  );
}
