import { alertsMessages } from '@/features/alerts/messages';
import { authMessages } from '@/features/auth/messages';
import { businessClaimsMessages } from '@/features/businesses/messages';
import { catalogMessages } from '@/features/catalog/messages';
import { exportsMessages } from '@/features/exports/messages';
import { flagsMessages } from '@/features/flags/messages';
import { importsMessages } from '@/features/imports/messages';
import { inspectorMessages } from '@/features/inspector/messages';
import { labelsMessages } from '@/features/labels/messages';
import { lotsMessages } from '@/features/lots/messages';
import { membersMessages } from '@/features/members/messages';
import { recordingMessages } from '@/features/recording/messages';

/**
 * The texts of the account, portal, inspector and administration pages: loaded with those pages
 * (`app/routes.tsx`), so a consumer's first load does not carry them.
 */
export const BUSINESS_CATALOGS = [
  catalogMessages,
  lotsMessages,
  recordingMessages,
  labelsMessages,
  importsMessages,
  inspectorMessages,
  exportsMessages,
  flagsMessages,
  alertsMessages,
  businessClaimsMessages,
  authMessages,
  membersMessages,
] as const;
