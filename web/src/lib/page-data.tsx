import { createContext, useContext } from 'react';
import type { PageData } from '@nguon/shared';

const PAGE_DATA_ID = 'page-data';

const PageDataContext = createContext<PageData | null>(null);

/** Holds the data a server-rendered page was rendered from (null for pages the browser renders). */
export const PageDataProvider = PageDataContext.Provider;

export function usePageData(): PageData | null {
  return useContext(PageDataContext);
}

/** The data the server embedded in this page, if it rendered it. */
export function readPageData(): PageData | null {
  const text = document.getElementById(PAGE_DATA_ID)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as PageData;
  } catch {
    return null;
  }
}

/**
 * The data as JSON in a script element. `<` is escaped (JSON allows `\u003c` anywhere), so no
 * value, a producer's name say, can hold `</script>` or `<!--` and end the element early.
 */
export function pageDataScript(data: PageData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script id="${PAGE_DATA_ID}" type="application/json">${json}</script>`;
}
