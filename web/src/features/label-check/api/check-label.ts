import { useEffect, useState } from 'react';
import { checkLabel, type LabelCheck, type LabelKeysView } from '@nguon/shared';
import { verifyEd25519 } from '@/lib/ed25519';

/** The portal's label keys: the service worker keeps a copy, so this answers with no network too. */
export const LABEL_KEYS_PATH = '/.well-known/nguon-label-keys';

export type LabelCheckState = { status: 'checking' } | { status: 'unavailable' } | LabelCheck;

async function labelKeys(signal: AbortSignal): Promise<LabelKeysView> {
  const response = await fetch(LABEL_KEYS_PATH, { signal });
  if (!response.ok) throw new Error(`label keys: ${response.status}`);
  return (await response.json()) as LabelKeysView;
}

/**
 * This browser's own check of a code's label against the portal's published keys (decision
 * record 0038): `unavailable` when it has neither the keys (never online) nor Ed25519, so nothing
 * is claimed. Null checks nothing.
 */
export function useLabelCheck(url: string | null): LabelCheckState | null {
  const [check, setCheck] = useState<{ url: string; result: LabelCheckState } | null>(null);
  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    labelKeys(controller.signal)
      .then((view) => checkLabel(url, view.keys, verifyEd25519))
      .then(
        (result) => setCheck({ url, result }),
        () => {
          if (!controller.signal.aborted) setCheck({ url, result: { status: 'unavailable' } });
        },
      );
    return () => controller.abort();
  }, [url]);
  if (url === null) return null;
  return check?.url === url ? check.result : { status: 'checking' };
}
