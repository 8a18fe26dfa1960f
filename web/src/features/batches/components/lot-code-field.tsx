import { TextField } from '@/components/ui/text-field';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n';
import { checkLotCode } from '../utils/lot-code-check';
import '../batches.css';

interface LotCodeFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** The suggestion was taken: the lot code becomes `code`, and the typed text can become the name. */
  onAcceptSuggestion: (code: string, typed: string) => void;
  /** A complaint from the submit (empty, taken...), shown when the live check has none. */
  error?: string | readonly string[] | null;
}

/**
 * The lot code, checked as typed against GS1's character set and length. Text with spaces or
 * Vietnamese diacritics gets a one-click suggestion (the typed text is kept as the batch's name).
 */
export function LotCodeField({ value, onChange, onAcceptSuggestion, error }: LotCodeFieldProps) {
  const t = useT();
  // Spaces around the code are dropped when it is sent, so they are no mistake.
  const typed = value.trim();
  const check = checkLotCode(typed);
  const { suggestion } = check;
  const live =
    check.problem === 'too_long'
      ? t('batches.form.lotCode.too_long', { count: [...typed].length })
      : check.problem === 'invalid_character'
        ? t('batches.form.lotCode.invalid_character', { chars: check.badCharacters.join(' ') })
        : null;
  return (
    <div className="lot-code">
      <TextField
        label={t('batches.form.lotCode')}
        hint={t('batches.form.lotCodeHint')}
        name="lotCode"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={live ?? error}
        status={check.problem === null && !error ? t('batches.form.lotCodeOk', { count: typed.length }) : null}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        data-testid="lot-code-input"
      />
      {suggestion ? (
        <div className="lot-code__suggestion" data-testid="lot-code-suggestion">
          <Button
            variant="secondary"
            className="button--small"
            onClick={() => onAcceptSuggestion(suggestion, typed)}
            data-testid="lot-code-accept"
          >
            {t('batches.form.suggestion', { code: suggestion })}
          </Button>
          <p className="muted">{t('batches.form.suggestionHint', { text: typed })}</p>
        </div>
      ) : null}
    </div>
  );
}
