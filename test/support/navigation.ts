import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { UserRole } from '@nguon/shared';
import type { TestApp } from './test-app.js';

/** Who a page of the router is for, as `web/src/app/page-list.ts` reads it from the route tree. */
export type PageAccess = 'public' | 'signed-in' | 'business-member' | readonly UserRole[];
export interface PageEntry {
  path: string;
  access: PageAccess;
}

/** The router's pages, from the server entry of the web build the test app serves. */
export async function routerPages(t: TestApp): Promise<PageEntry[]> {
  if (!t.config.webSsrDir) throw new Error('the test app serves no web build');
  const entry = (await import(pathToFileURL(path.join(t.config.webSsrDir, 'entry-server.js')).href)) as { pages: PageEntry[] };
  return entry.pages;
}

/** The pages a user of `role` may use (a member of a business: that business's pages too); not the public ones. */
export function pagesFor(pages: readonly PageEntry[], role: UserRole): string[] {
  return pages
    .filter(({ access }) =>
      access === 'public'
        ? false
        : access === 'signed-in'
          ? true
          : access === 'business-member'
            ? role === 'member'
            : access.includes(role),
    )
    .map((entry) => entry.path);
}

/** The page pattern a path is, the most specific when several match (`batches/new` before `batches/:batchId`). */
export function patternOf(pathname: string, patterns: readonly string[]): string | null {
  const parts = pathname.split('/').filter(Boolean);
  const matches = patterns.filter((pattern) => {
    const want = pattern.split('/').filter(Boolean);
    return want.length === parts.length && want.every((segment, i) => segment.startsWith(':') || segment === parts[i]);
  });
  const params = (pattern: string) => pattern.split('/').filter((segment) => segment.startsWith(':')).length;
  return matches.sort((a, b) => params(a) - params(b))[0] ?? null;
}

/** Where the links in `selector` lead, as paths with their query. */
export async function linksIn(page: Page, selector: string): Promise<string[]> {
  // The attribute, not `.href`: a trace graph's links are SVG `<a>` elements.
  return page.locator(selector).evaluateAll((links) =>
    links.flatMap((link) => {
      const href = link.getAttribute('href');
      if (!href) return [];
      const url = new URL(href, window.location.href);
      return url.origin === window.location.origin ? [`${url.pathname}${url.search}`] : [];
    }),
  );
}

/**
 * Follows links from `start` (the links of the role's navigation) through the pages of `patterns`,
 * one visit per pattern (`visit` runs on each, once it has settled), and answers which patterns it
 * reached. Links to other pages (a consumer page, another role's) are not followed.
 */
export async function walkFrom(
  page: Page,
  baseUrl: string,
  start: readonly string[],
  patterns: readonly string[],
  visit: (pattern: string) => Promise<void> = async () => undefined,
): Promise<Set<string>> {
  const reached = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const next = queue.shift()!;
    const pattern = patternOf(new URL(next, baseUrl).pathname, patterns);
    if (pattern === null || reached.has(pattern)) continue;
    reached.add(pattern);
    await page.goto(new URL(next, baseUrl).toString(), { waitUntil: 'networkidle' });
    await visit(pattern);
    queue.push(...(await linksIn(page, 'main a[href]')));
  }
  return reached;
}
