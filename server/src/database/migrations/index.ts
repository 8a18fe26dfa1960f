import { CreateCoreSchema1764230400000 } from './1764230400000-create-core-schema.js';
import { AddAccountsKeysAndAudit1764316800000 } from './1764316800000-add-accounts-keys-and-audit.js';
import { AddEventHashChain1764403200000 } from './1764403200000-add-event-hash-chain.js';
import { AddEpcisCapture1764489600000 } from './1764489600000-add-epcis-capture.js';
import { AddAttachmentsAndProductMedia1764576000000 } from './1764576000000-add-attachments-and-product-media.js';
import { AddImportJobs1764662400000 } from './1764662400000-add-import-jobs.js';
import { AddShipmentAndDirectorySearch1764835200000 } from './1764835200000-add-shipment-and-directory-search.js';
import { AddRecallsNotificationsWebhooks1764921600000 } from './1764921600000-add-recalls-notifications-webhooks.js';
import { AddInspectorSearchIndexes1765008000000 } from './1765008000000-add-inspector-search-indexes.js';
import { AddFlagsReportsAuditByBatch1765190400000 } from './1765190400000-add-flags-reports-audit-by-batch.js';
import { AddIdempotencyKeysAndClientRequestIds1765363200000 } from './1765363200000-add-idempotency-keys-and-client-request-ids.js';
import { AddMailTokensAndSignInBackoff1765449600000 } from './1765449600000-add-mail-tokens-and-sign-in-backoff.js';
import { AddRefusedWebhookDeliveries1765536000000 } from './1765536000000-add-refused-webhook-deliveries.js';
import { AddJobOwnersAndHeartbeats1765622400000 } from './1765622400000-add-job-owners-and-heartbeats.js';
import { ConfirmBusinessClaims1765795200000 } from './1765795200000-confirm-business-claims.js';
import { MakeScanIdsInProcess1765900000000 } from './1765900000000-make-scan-ids-in-process.js';
import { AddMassBalanceFlags1766016000000 } from './1766016000000-add-mass-balance-flags.js';
import { AddRecallReasonsAndAcknowledgements1766100000000 } from './1766100000000-add-recall-reasons-and-acknowledgements.js';
import { AddCaptureWarnings1766200000000 } from './1766200000000-add-capture-warnings.js';
import { AllowCaptureBehaviourAll1766300000000 } from './1766300000000-allow-capture-behaviour-all.js';
import { AddLateBatchLinks1766400000000 } from './1766400000000-add-late-batch-links.js';
import { AddLatePlaceLinks1766500000000 } from './1766500000000-add-late-place-links.js';
import { QueueCaptureJobs1766600000000 } from './1766600000000-queue-capture-jobs.js';
import { QueueImportJobs1766700000000 } from './1766700000000-queue-import-jobs.js';
import { KeepJobInputsAsJsonText1766800000000 } from './1766800000000-keep-job-inputs-as-json-text.js';
import { CountUnlistedCaptureWarnings1766900000000 } from './1766900000000-count-unlisted-capture-warnings.js';
import { RevokePageTokens1767000000000 } from './1767000000000-revoke-page-tokens.js';
import { IndexEventListsForQueries1767100000000 } from './1767100000000-index-event-lists-for-queries.js';
import { AddNamedQueriesAndSubscriptions1767200000000 } from './1767200000000-add-named-queries-and-subscriptions.js';
import { IndexSensorElements1767300000000 } from './1767300000000-index-sensor-elements.js';
import { ShareRateLimits1767400000000 } from './1767400000000-share-rate-limits.js';
import { KeepAttachmentFilesInTheDatabase1767500000000 } from './1767500000000-keep-attachment-files-in-the-database.js';
import { PartitionEventsByMonth1767600000000 } from './1767600000000-partition-events-by-month.js';
import { CarryEventRecordTimes1767700000000 } from './1767700000000-carry-event-record-times.js';
import { AddTransparencyLog1767900000000 } from './1767900000000-add-transparency-log.js';
import { LogBusinessesAndCertificates1768000000000 } from './1768000000000-log-businesses-and-certificates.js';
import { ChooseWebhookEvents1768100000000 } from './1768100000000-choose-webhook-events.js';
import { IndexEventsByRecordTimeAndId1768200000000 } from './1768200000000-index-events-by-record-time-and-id.js';

/** Every migration, oldest first (one a line, so that parallel work merges cleanly). */
export const migrations = [
  CreateCoreSchema1764230400000,
  AddAccountsKeysAndAudit1764316800000,
  AddEventHashChain1764403200000,
  AddEpcisCapture1764489600000,
  AddAttachmentsAndProductMedia1764576000000,
  AddImportJobs1764662400000,
  AddShipmentAndDirectorySearch1764835200000,
  AddRecallsNotificationsWebhooks1764921600000,
  AddInspectorSearchIndexes1765008000000,
  AddFlagsReportsAuditByBatch1765190400000,
  AddIdempotencyKeysAndClientRequestIds1765363200000,
  AddMailTokensAndSignInBackoff1765449600000,
  AddRefusedWebhookDeliveries1765536000000,
  AddJobOwnersAndHeartbeats1765622400000,
  ConfirmBusinessClaims1765795200000,
  MakeScanIdsInProcess1765900000000,
  AddMassBalanceFlags1766016000000,
  AddRecallReasonsAndAcknowledgements1766100000000,
  AddCaptureWarnings1766200000000,
  AllowCaptureBehaviourAll1766300000000,
  AddLateBatchLinks1766400000000,
  AddLatePlaceLinks1766500000000,
  QueueCaptureJobs1766600000000,
  QueueImportJobs1766700000000,
  KeepJobInputsAsJsonText1766800000000,
  CountUnlistedCaptureWarnings1766900000000,
  RevokePageTokens1767000000000,
  IndexEventListsForQueries1767100000000,
  AddNamedQueriesAndSubscriptions1767200000000,
  IndexSensorElements1767300000000,
  ShareRateLimits1767400000000,
  KeepAttachmentFilesInTheDatabase1767500000000,
  PartitionEventsByMonth1767600000000,
  CarryEventRecordTimes1767700000000,
  AddTransparencyLog1767900000000,
  LogBusinessesAndCertificates1768000000000,
  ChooseWebhookEvents1768100000000,
  IndexEventsByRecordTimeAndId1768200000000,
];
