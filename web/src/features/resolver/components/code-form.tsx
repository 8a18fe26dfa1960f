import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { readConsumerCode, type CodeInput, type PublicLotSearch } from '@nguon/shared';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { ApiRequestError, isAbortError, type RequestErrorCode } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import { useLocale, useT } from '@/lib/i18n';
import { resolveCode, type ResolvedCode } from '../api/resolve-code';
import { searchLots } from '../api/search-lots';
import { CameraScanner } from './camera-scanner';
import { LotMatches } from './lot-matches';
import { WebAddressNotice } from './web-address-notice';

type FormError = { kind: 'empty' } | { kind: 'code'; code: RequestErrorCode };

/** What a code that is no single batch or product turned out to be. */
type Found = { kind: 'lots'; lot: string; search: PublicLotSearch } | { kind: 'web-address'; url: string };

const isNotFound = (error: unknown) => error instanceof ApiRequestError && error.status === 404;

interface CodeFormProps {
  /** Called with the batch (or product) once the resolver has recognised the code. */
  onResolved: (resolved: ResolvedCode) => void;
}

/**
 * Type (or scan) a code → ask the resolver for JSON → hand the batch over; a lot code typed alone
 * lists the batches that carry it; a plain web address is shown, not followed.
 */
export function CodeForm({ onResolved }: CodeFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const titleId = useId();
  const errorId = useId();
  const [input, setInput] = useState<CodeInput>({ code: '', gtin: '', lot: '' });
  const [error, setError] = useState<FormError | null>(null);
  const [found, setFound] = useState<Found | null>(null);
  const [pending, setPending] = useState(false);
  const request = useRef<AbortController | null>(null);

  useEffect(() => () => request.current?.abort(), []);

  async function lookUp(value: CodeInput) {
    const parsed = readConsumerCode(value);
    setFound(null);
    if (!parsed.ok) {
      setError(parsed.error === 'EMPTY' ? { kind: 'empty' } : { kind: 'code', code: parsed.error });
      return;
    }
    setError(null);
    if (parsed.kind === 'web-address') return setFound({ kind: 'web-address', url: parsed.url });
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    const options = { locale, signal: controller.signal };
    const lookUpLot = async (lot: string) => setFound({ kind: 'lots', lot, search: await searchLots(lot, options) });
    setPending(true);
    try {
      if (parsed.kind === 'lot') return await lookUpLot(parsed.lot);
      try {
        onResolved(await resolveCode(parsed.path, options));
      } catch (caught) {
        // No such short code: the text may be a lot code typed alone.
        if (!parsed.lot || !isNotFound(caught)) throw caught;
        await lookUpLot(parsed.lot);
      }
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
        {found?.kind === 'lots' ? <LotMatches lot={found.lot} search={found.search} /> : null}
        {found?.kind === 'web-address' ? <WebAddressNotice url={found.url} /> : null}
        <SubmitButton className="button--block" pending={pending} pendingLabel={t('scan.submitting')}>
          {t('scan.submit')}
        </SubmitButton>
      </form>
      <CameraScanner onDecoded={onScanned} disabled={pending} />
    </section>
  );
}
