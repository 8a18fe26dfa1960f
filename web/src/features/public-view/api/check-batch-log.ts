import { useEffect, useEffectEvent, useState } from 'react';
import { checkBatchLog, parseVerifierKey, type BatchLogView } from '@nguon/shared';
import { getJson, isAbortError } from '@/lib/api-client';
import { verifyEd25519 } from '@/lib/ed25519';
import { useLocale } from '@/lib/i18n';

/**
 * The browser's own check of a batch against the portal's transparency log (decision record 0037),
 * with Web Crypto: the tree head signed by the log's published key, each of the batch's records
 * included in it, its chain and recall state as logged. `unavailable` where the browser has no
 * Ed25519 (or the log cannot be read): then nothing is claimed.
 */
export type LogCheck = { status: 'checking' } | { status: 'verified' } | { status: 'broken' } | { status: 'unavailable' };

const sha256 = async (data: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource));

export function useBatchLogCheck(batchId: string): LogCheck {
  const { locale } = useLocale();
  const [check, setCheck] = useState<{ batchId: string; result: LogCheck } | null>(null);
  // The check does not depend on the language: it is not made again when that changes.
  const currentLocale = useEffectEvent(() => locale);

  useEffect(() => {
    const controller = new AbortController();
    const run = async (): Promise<LogCheck> => {
      if (!globalThis.crypto?.subtle) return { status: 'unavailable' };
      const [keyText, view] = await Promise.all([
        fetch('/.well-known/nguon-log-key', { signal: controller.signal }).then((response) => (response.ok ? response.text() : '')),
        getJson<BatchLogView>(`/api/batches/${encodeURIComponent(batchId)}/log`, { locale: currentLocale(), signal: controller.signal }),
      ]);
      const key = parseVerifierKey(keyText);
      if (!key) return { status: 'unavailable' };
      const finding = await checkBatchLog(view, key, { sha256, verify: verifyEd25519 });
      return { status: finding.ok ? 'verified' : 'broken' };
    };
    run().then(
      (result) => setCheck({ batchId, result }),
      (error: unknown) => {
        // A browser without Ed25519 in Web Crypto, or a log that cannot be read: no claim either way.
        if (!isAbortError(error)) setCheck({ batchId, result: { status: 'unavailable' } });
      },
    );
    return () => controller.abort();
  }, [batchId]);

  return check?.batchId === batchId ? check.result : { status: 'checking' };
}
