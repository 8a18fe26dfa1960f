import { authMessages } from '@/features/auth/messages';
import { businessesMessages } from '@/features/businesses/messages';
import { exportsMessages } from '@/features/exports/messages';
import { flagsMessages } from '@/features/flags/messages';
import { importsMessages } from '@/features/imports/messages';
import { inspectorMessages } from '@/features/inspector/messages';
import { labelsMessages } from '@/features/labels/messages';
import { batchesMessages } from '@/features/batches/messages';
import { locationsMessages } from '@/features/locations/messages';
import { membersMessages } from '@/features/members/messages';
import { notificationsMessages } from '@/features/notifications/messages';
import { productsMessages } from '@/features/products/messages';
import { eventsMessages } from '@/features/events/messages';
import { webhooksMessages } from '@/features/webhooks/messages';

/**
 * The texts of the account, portal, inspector and administration pages: loaded with those pages
 * (`app/routes.tsx`), so a consumer's first load does not carry them.
 */
export const BUSINESS_CATALOGS = [
  productsMessages,
  locationsMessages,
  batchesMessages,
  eventsMessages,
  labelsMessages,
  importsMessages,
  inspectorMessages,
  exportsMessages,
  flagsMessages,
  notificationsMessages,
  webhooksMessages,
  businessesMessages,
  authMessages,
  membersMessages,
] as const;
