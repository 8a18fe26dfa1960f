import { labelCheckMessages } from '@/features/label-check/messages';
import { publicViewMessages } from '@/features/public-view/messages';
import { reportsMessages } from '@/features/reports/messages';
import { resolverMessages } from '@/features/resolver/messages';
import { addMessages } from '@/lib/i18n';
import type { BUSINESS_CATALOGS } from './business-messages';

/** The consumer pages' texts: in the main bundle, with the app's own (`lib/messages.ts`). */
const CONSUMER_CATALOGS = [publicViewMessages, resolverMessages, reportsMessages, labelCheckMessages] as const;

// As this module loads, so before anything renders, the server's rendering included (it comes with
// the providers); the other catalogs come with their pages (`routes.tsx`).
addMessages(CONSUMER_CATALOGS);

declare module '@/lib/i18n' {
  /** Every feature's keys, so that `t()` checks them without lib/ importing the features. */
  interface MessageCatalogs {
    consumer: (typeof CONSUMER_CATALOGS)[number];
    business: (typeof BUSINESS_CATALOGS)[number];
  }
}
