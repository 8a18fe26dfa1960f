import { useEffect, useRef } from 'react';
import type { CreatedApiKey } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { AlertIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n';

/**
 * The whole key, this once: the server keeps only its hash. Focus moves here so a screen reader
 * hears the warning, and the panel stays until the owner says they saved the key.
 */
export function CreatedApiKeyPanel({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [created.id]);

  return (
    <section className="secret" aria-labelledby={`secret-${created.id}`} data-testid="created-api-key" data-key-id={created.id}>
      <h3 className="secret__title" id={`secret-${created.id}`} ref={heading} tabIndex={-1}>
        <AlertIcon className="secret__icon" />
        {t('apiKeys.created.title', { name: created.name })}
      </h3>
      <p className="secret__warning">{t('apiKeys.created.warning')}</p>
      <p className="field__label" id={`secret-label-${created.id}`}>
        {t('apiKeys.created.key')}
      </p>
      {/* The whole key, wrapped so nothing hides on a phone; one click selects all of it. */}
      <p className="secret__key code" aria-labelledby={`secret-label-${created.id}`} data-testid="created-api-key-value">
        {created.key}
      </p>
      <CopyButton text={created.key} />
      <p className="field__hint">{t('apiKeys.created.usage')}</p>
      <Button variant="secondary" onClick={onDone} data-testid="created-api-key-done">
        {t('apiKeys.created.done')}
      </Button>
    </section>
  );
}
