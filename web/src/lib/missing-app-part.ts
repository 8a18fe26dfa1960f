/** Where the page notes that it reloaded itself for a missing part, and for which address. */
const RELOADED_KEY = 'nguon:reloaded-for-missing-part';
/** A second failure this soon after reloading for the same address is not reloaded again: no loop. */
const RELOAD_WINDOW_MS = 30_000;

/**
 * Whether a page failed because a part of the app it loads when first visited could not be
 * fetched: the portal was updated since this tab loaded (the old build's files are gone), or the
 * connection dropped. Browsers word it differently; Vite's preloading says it of a style sheet.
 */
export function isMissingAppPart(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|Unable to preload/i.test(error.message);
}

/**
 * Loads the page again, with the current build's files, unless it already did so for this address
 * moments ago (or cannot remember that it did): false then, and the page says what happened.
 */
export function reloadForMissingPart(): boolean {
  const { href } = window.location;
  try {
    const last = JSON.parse(sessionStorage.getItem(RELOADED_KEY) ?? 'null') as { href: string; at: number } | null;
    if (last?.href === href && Date.now() - last.at < RELOAD_WINDOW_MS) return false;
    sessionStorage.setItem(RELOADED_KEY, JSON.stringify({ href, at: Date.now() }));
  } catch {
    return false;
  }
  window.location.reload();
  return true;
}
