import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useLabelCheck } from '@/features/label-check/api/check-label';
import { LabelCheckResult } from '@/features/label-check/components/label-check-result';
import { CameraScanner } from '@/features/resolver/components/camera-scanner';
import { useT } from '@/lib/i18n';

/**
 * "Check a label", for an inspector at a market stall: a code pasted or scanned is checked against
 * the portal's label keys on the device (decision record 0038), with no network once the app has
 * been opened online; nothing is asked of the server.
 */
export default function LabelCheckRoute() {
  const t = useT();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<string | null>(null);
  const check = useLabelCheck(checked);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(text.trim() || null);
  };

  return (
    <div className="page page--label-check">
      <title>{`${t('labelCheck.page.title')} | ${t('app.name')}`}</title>
      <h1>{t('labelCheck.page.title')}</h1>
      <p>{t('labelCheck.page.intro')}</p>
      <form className="label-check__form" onSubmit={submit} noValidate>
        <TextField
          label={t('labelCheck.page.codeLabel')}
          name="code"
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          data-testid="label-check-code"
        />
        <Button type="submit" data-testid="label-check-submit">
          {t('labelCheck.page.submit')}
        </Button>
      </form>
      <CameraScanner
        onDecoded={(decoded) => {
          setText(decoded);
          setChecked(decoded);
        }}
      />
      {check?.status === 'unavailable' ? <Alert>{t('labelCheck.page.keysMissing')}</Alert> : null}
      <LabelCheckResult check={check} />
    </div>
  );
}
