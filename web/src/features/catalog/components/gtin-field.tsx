import { gs1CheckDigit, parseGtin } from '@nguon/shared';
import { TextField } from '@/components/ui/text-field';
import { useT, type Translate } from '@/lib/i18n';

export type GtinCheck = { ok: true; gtin14: string } | { ok: false; problem: string } | null;

/**
 * What is wrong with a GTIN as typed, in words (the shared GS1 rules decide): not digits, the
 * wrong length, or the check digit, saying which digit it should be. Null while empty.
 */
export function checkGtin(value: string, t: Translate): GtinCheck {
  const digits = value.trim().replace(/ +/g, '');
  if (digits === '') return null;
  const parsed = parseGtin(digits);
  if (parsed.ok) return parsed;
  if (!/^\d+$/.test(digits)) return { ok: false, problem: t('catalog.gtin.notDigits') };
  if (parsed.problem === 'format') return { ok: false, problem: t('catalog.gtin.length', { count: digits.length }) };
  return { ok: false, problem: t('catalog.gtin.checkDigit', { expected: gs1CheckDigit(digits.slice(0, -1)), actual: digits.slice(-1) }) };
}

interface GtinFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** The server's or the submit's message. */
  error?: string | string[];
  disabled?: boolean;
  /** Why it cannot change (the product has batches). */
  lockedNote?: string;
}

/** A GTIN checked as it is typed: the problem while there is one, else the GTIN-14 it will be stored as. */
export function GtinField({ value, onChange, error, disabled, lockedNote }: GtinFieldProps) {
  const t = useT();
  const check = checkGtin(value, t);
  return (
    <TextField
      label={t('catalog.gtin.label')}
      hint={lockedNote ?? t('catalog.gtin.hint')}
      name="gtin"
      inputMode="numeric"
      autoComplete="off"
      maxLength={20}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
      status={
        check ? (
          <span className={check.ok ? 'gtin-status gtin-status--ok' : 'gtin-status gtin-status--problem'} data-testid="gtin-status" data-ok={check.ok}>
            {check.ok ? t('catalog.gtin.ok', { gtin14: check.gtin14 }) : check.problem}
          </span>
        ) : null
      }
      error={error}
    />
  );
}
