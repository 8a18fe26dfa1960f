import type { Locale, RenderedPage } from '@nguon/shared';

/** The pieces of the built index.html that a rendered page replaces. */
const LANG = /<html lang="[^"]*">/;
const TITLE = /<title>[^<]*<\/title>/;
const DESCRIPTION = /<meta name="description"[^>]*>\s*/;
const ROOT = '<div id="root"></div>';
/** "Please enable JavaScript": a rendered page reads fine without it. */
const NOSCRIPT = /\s*<noscript>[\s\S]*?<\/noscript>/;

/**
 * index.html as a template for rendered pages. Null when the shell does not have the expected
 * shape (a changed index.html): then no page is rendered on the server, the app renders them all.
 */
export function pageTemplate(shell: string): ((page: RenderedPage, locale: Locale) => string) | null {
  if (!LANG.test(shell) || !TITLE.test(shell) || !shell.includes(ROOT)) return null;
  const base = shell.replace(DESCRIPTION, '').replace(NOSCRIPT, '');
  return (page, locale) =>
    base
      .replace(LANG, () => `<html lang="${locale}">`)
      .replace(TITLE, () => page.head)
      .replace(ROOT, () => `<div id="root">${page.root}</div>\n    ${page.dataScript}`);
}
