import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { ApiRequestError, isAbortError, type RequestErrorCode } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import { useLocale, useT } from '@/lib/i18n';
import { resolveCode, type ResolvedCode } from '../api/resolve-code';
import { parseCodeInput, type CodeInput } from '../utils/parse-code-input';
import { CameraScanner } from './camera-scanner';

type FormError = { kind: 'empty' } | { kind: 'code'; code: RequestErrorCode };

interface CodeFormProps {
  /** Called with the batch (or product) once the resolver has recognised the code. */
  onResolved: (resolved: ResolvedCode) => void;
}

/** Type (or scan) a code → ask the resolver for JSON → hand the batch over. */
export function CodeForm({ onResolved }: CodeFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const titleId = useId();
  const errorId = useId();
  const [input, setInput] = useState<CodeInput>({ code: '', gtin: '', lot: '' });
  const [error, setError] = useState<FormError | null>(null);
  const [pending, setPending] = useState(false);
  const request = useRef<AbortController | null>(null);

  useEffect(() => () => request.current?.abort(), []);

  async function lookUp(value: CodeInput) {
    const parsed = parseCodeInput(value);
    if (!parsed.ok) {
      setError(parsed.error === 'EMPTY' ? { kind: 'empty' } : { kind: 'code', code: parsed.error });
      return;
    }
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    setPending(true);
    setError(null);
    try {
      onResolved(await resolveCode(parsed.path, { locale, signal: controller.signal }));
    } catch (caught) {
      if (isAbortError(caught)) return;
      setError({ kind: 'code', code: caught instanceof ApiRequestError ? caught.code : 'INTERNAL' });
    } finally {
      if (request.current === controller) setPending(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void lookUp(input);
  }

  function onScanned(text: string) {
    const scanned = { code: text, gtin: '', lot: '' };
    setInput(scanned);
    void lookUp(scanned);
  }

  const set = (field: keyof CodeInput) => (event: { target: { value: string } }) =>
    setInput((current) => ({ ...current, [field]: event.target.value }));

  const message = error ? (error.kind === 'empty' ? t('scan.empty') : errorMessage(error.code)) : null;
  const describedBy = message ? errorId : undefined;

  return (
    <section className="card code-form" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('scan.formTitle')}
      </h2>
      <form onSubmit={onSubmit} noValidate aria-busy={pending}>
        <TextField
          label={t('scan.codeLabel')}
          hint={t('scan.codeHint')}
          errorId={describedBy}
          name="code"
          value={input.code}
          onChange={set('code')}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="none"
          spellCheck={false}
          enterKeyHint="search"
        />
        <details className="code-form__more">
          <summary>{t('scan.gtinLotToggle')}</summary>
          <div className="code-form__pair">
            <TextField
              label={t('scan.gtinLabel')}
              name="gtin"
              value={input.gtin}
              onChange={set('gtin')}
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              maxLength={18}
            />
            <TextField
              label={t('scan.lotLabel')}
              name="lot"
              value={input.lot}
              onChange={set('lot')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
            />
          </div>
        </details>
        {message ? <Alert id={errorId}>{message}</Alert> : null}
        <SubmitButton className="button--block" pending={pending} pendingLabel={t('scan.submitting')}>
          {t('scan.submit')}
        </SubmitButton>
      </form>
      <CameraScanner onDecoded={onScanned} disabled={pending} />
    </section>
  );
}
