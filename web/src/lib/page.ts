import type { Page } from '@nguon/shared';

/** For a list query's `setData`: the page with the updated item in its place. */
export function replaceItem<T extends { id: string }>(updated: T): (page: Page<T>) => Page<T> {
  return (page) => ({ ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) });
}
