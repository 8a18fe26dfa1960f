/**
 * A catalog of texts, Vietnamese first; the English side must name exactly the same keys. The app
 * has one (`lib/messages.ts`) and each feature its own (`features/<name>/messages.ts`), which
 * `app/messages.ts` registers.
 */
export function defineMessages<const V extends Record<string, string>>(vi: V, en: { [K in keyof V]: string }) {
  return { vi, en };
}

export type MessageCatalog = ReturnType<typeof defineMessages>;
