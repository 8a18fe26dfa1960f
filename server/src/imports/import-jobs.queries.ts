import type { ImportKind } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import type { RequestOrigin } from '../auth/principal.js';
import type { CheckedRows, ImportJobEntity } from './import-job.entity.js';

export interface ImportRunInput {
  status: ImportJobEntity['status'];
  kind: ImportKind;
  business_id: string;
  checked_rows: CheckedRows | null;
  created_by_user_id: string | null;
  created_by_api_key_id: string | null;
  request: Partial<RequestOrigin>;
}

/** What a run needs, read after taking the job's lock: a run that waited finds the job done. */
export async function loadImportRun(tx: EntityManager, id: string): Promise<ImportRunInput | undefined> {
  const [row] = await tx.query<ImportRunInput[]>(
    `SELECT status, kind, business_id, checked_rows, created_by_user_id, created_by_api_key_id, request FROM import_jobs WHERE id = $1`,
    [id],
  );
  return row;
}
