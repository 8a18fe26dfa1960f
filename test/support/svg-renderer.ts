import { findChromium, launchBrowser, type Browser } from './browser.js';

export interface RenderedSvg {
  /** The XML parser's complaint, or null when the document is well-formed. */
  parseError: string | null;
  /** The root element's name and namespace. */
  root: { name: string; namespace: string | null };
  /** The text of every <text> element, in order. */
  texts: string[];
  /** The drawing as Chromium paints it. */
  png: Buffer;
}

/**
 * Parses SVG with a browser's XML parser and paints it, so tests check what a printer or a page
 * would get, independently of the code that wrote it. Null without Chromium (a failure under CI=true).
 */
export async function openSvgRenderer(): Promise<{ render(svg: string): Promise<RenderedSvg>; close(): Promise<void> } | null> {
  const executable = findChromium();
  if (!executable) return null;
  const browser: Browser = await launchBrowser(executable);
  const page = await browser.context.newPage();
  return {
    async render(svg) {
      const parsed = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
        const error = doc.querySelector('parsererror');
        return {
          parseError: error ? error.textContent : null,
          root: { name: doc.documentElement.localName, namespace: doc.documentElement.namespaceURI },
          texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        };
      }, svg);
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:#fff"><img id="svg" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`,
      );
      await page.waitForFunction(() => (document.getElementById('svg') as HTMLImageElement | null)?.complete === true);
      const png = await page.locator('#svg').screenshot();
      return { ...parsed, png };
    },
    close: () => browser.close(),
  };
}
