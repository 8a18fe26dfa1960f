import { adminMessages } from '@/features/admin/messages';
import { apiKeysMessages } from '@/features/api-keys/messages';
import { auditMessages } from '@/features/audit/messages';
import { authMessages } from '@/features/auth/messages';
import { batchesMessages } from '@/features/batches/messages';
import { businessesMessages } from '@/features/businesses/messages';
import { eventsMessages } from '@/features/events/messages';
import { exportsMessages } from '@/features/exports/messages';
import { flagsMessages } from '@/features/flags/messages';
import { importsMessages } from '@/features/imports/messages';
import { inspectorMessages } from '@/features/inspector/messages';
import { labelsMessages } from '@/features/labels/messages';
import { locationsMessages } from '@/features/locations/messages';
import { membersMessages } from '@/features/members/messages';
import { notificationsMessages } from '@/features/notifications/messages';
import { portalMessages } from '@/features/portal/messages';
import { productsMessages } from '@/features/products/messages';
import { scorecardMessages } from '@/features/scorecard/messages';
import { webhooksMessages } from '@/features/webhooks/messages';

/**
 * The texts of the account, portal, inspector and administration pages: loaded with those pages
 * (`routes.tsx`), so a consumer's first load does not carry them.
 */
export const BUSINESS_CATALOGS = [
  adminMessages,
  apiKeysMessages,
  auditMessages,
  authMessages,
  batchesMessages,
  businessesMessages,
  eventsMessages,
  exportsMessages,
  flagsMessages,
  importsMessages,
  inspectorMessages,
  labelsMessages,
  locationsMessages,
  membersMessages,
  notificationsMessages,
  portalMessages,
  productsMessages,
  scorecardMessages,
  webhooksMessages,
] as const;
