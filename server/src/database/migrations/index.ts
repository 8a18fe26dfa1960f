import { CreateCoreSchema1764230400000 } from './1764230400000-create-core-schema.js';

/** Every migration, oldest first. */
export const migrations = [CreateCoreSchema1764230400000];
