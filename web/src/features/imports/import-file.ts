import { IMPORT_CONTENT_TYPES, IMPORT_FORMATS, IMPORT_MAX_BYTES, type ImportFormat } from '@nguon/shared';

export type PickedFile = { ok: true; name: string; body: Blob } | { ok: false; problem: 'wrongType' | 'tooLarge' };

/**
 * A picked file as the API takes it: typed by its extension (browsers give CSVs all sorts of
 * types, or none), refused early when it could never pass.
 */
export function pickImportFile(file: File): PickedFile {
  const extension = file.name.split('.').pop()?.toLowerCase();
  const format = IMPORT_FORMATS.find((f) => f === extension) as ImportFormat | undefined;
  if (!format) return { ok: false, problem: 'wrongType' };
  if (file.size > IMPORT_MAX_BYTES) return { ok: false, problem: 'tooLarge' };
  return { ok: true, name: file.name, body: new Blob([file], { type: IMPORT_CONTENT_TYPES[format] }) };
}
