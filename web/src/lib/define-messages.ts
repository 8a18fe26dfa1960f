/**
 * A feature's own texts, Vietnamese first; the English side must name exactly the same keys.
 * `lib/messages.ts` merges every feature's catalog into the one the app translates from.
 */
export function defineMessages<const V extends Record<string, string>>(vi: V, en: { [K in keyof V]: string }) {
  return { vi, en };
}
