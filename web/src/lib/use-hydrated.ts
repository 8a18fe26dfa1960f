import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/**
 * False on the server and while hydrating what it rendered, true after (and in pages the browser
 * renders itself): for what only the browser knows, such as a scan token in the address's fragment.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
