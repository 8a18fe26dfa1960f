import { displayPrefix, gs1CheckDigit, parseGtin, prefixOfGtin } from '@nguon/shared';
import { TextField } from '@/components/ui/text-field';
import { useT, type Translate } from '@/lib/i18n';

export type GtinCheck = { ok: true; gtin14: string } | { ok: false; problem: string } | null;

/** The GS1 company prefixes the business may put GTINs under (confirmed ones once it is verified). */
export interface UsablePrefixes {
  prefixes: string[];
  confirmedOnly: boolean;
}

/**
 * What is wrong with a GTIN as typed, in words (the shared GS1 rules decide): not digits, the
 * wrong length, the check digit (saying which digit it should be), or outside the business's GS1
 * company prefixes when they are known. Null while empty.
 */
export function checkGtin(value: string, t: Translate, usable: UsablePrefixes | null = null): GtinCheck {
  const digits = value.trim().replace(/ +/g, '');
  if (digits === '') return null;
  const parsed = parseGtin(digits);
  if (parsed.ok) {
    if (usable && !prefixOfGtin(parsed.gtin14, usable.prefixes))
      return { ok: false, problem: t('claims.gtin.outside', { prefixes: usable.prefixes.map(displayPrefix).join(', ') || '—' }) };
    return parsed;
  }
  if (!/^\d+$/.test(digits)) return { ok: false, problem: t('products.gtin.notDigits') };
  if (parsed.problem === 'format') return { ok: false, problem: t('products.gtin.length', { count: digits.length }) };
  return { ok: false, problem: t('products.gtin.checkDigit', { expected: gs1CheckDigit(digits.slice(0, -1)), actual: digits.slice(-1) }) };
}

interface GtinFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** The server's or the submit's message. */
  error?: string | string[];
  disabled?: boolean;
  /** Why it cannot change (the product has batches). */
  lockedNote?: string;
  /** The business's prefixes, once loaded: the hint names them and a GTIN outside them is flagged. */
  usable?: UsablePrefixes | null;
}

function prefixesHint(usable: UsablePrefixes, t: Translate): string {
  if (usable.prefixes.length === 0)
    return t('claims.gtin.noPrefix', { state: t(usable.confirmedOnly ? 'claims.gtin.stateConfirmed' : 'claims.gtin.stateDeclared') });
  return t('claims.gtin.usable', { prefixes: usable.prefixes.map(displayPrefix).join(', ') });
}

/** A GTIN checked as it is typed: the problem while there is one, else the GTIN-14 it will be stored as. */
export function GtinField({ value, onChange, error, disabled, lockedNote, usable = null }: GtinFieldProps) {
  const t = useT();
  const check = checkGtin(value, t, usable);
  return (
    <TextField
      label={t('products.gtin.label')}
      hint={lockedNote ?? (usable ? `${t('products.gtin.hint')} ${prefixesHint(usable, t)}` : t('products.gtin.hint'))}
      name="gtin"
      inputMode="numeric"
      autoComplete="off"
      maxLength={20}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
      status={
        check ? (
          <span
            className={check.ok ? 'gtin-status gtin-status--ok' : 'gtin-status gtin-status--problem'}
            data-testid="gtin-status"
            data-ok={check.ok}
          >
            {check.ok ? t('products.gtin.ok', { gtin14: check.gtin14 }) : check.problem}
          </span>
        ) : null
      }
      error={error}
    />
  );
}
