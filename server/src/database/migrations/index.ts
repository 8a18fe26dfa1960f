import { CreateCoreSchema1764230400000 } from './1764230400000-create-core-schema.js';
import { AddAccountsKeysAndAudit1764316800000 } from './1764316800000-add-accounts-keys-and-audit.js';
import { AddEventHashChain1764403200000 } from './1764403200000-add-event-hash-chain.js';
import { AddEpcisCapture1764489600000 } from './1764489600000-add-epcis-capture.js';

/** Every migration, oldest first. */
export const migrations = [CreateCoreSchema1764230400000, AddAccountsKeysAndAudit1764316800000, AddEventHashChain1764403200000, AddEpcisCapture1764489600000];
