import { readFileSync } from 'node:fs';

export interface CheckDigitVector {
  value: string;
  length: number;
  valid: boolean;
  expectedCheckDigit: number;
  gtin14: string | null;
}

/** The GTIN, GLN and SSCC check-digit vectors of test/fixtures/gs1 (recomputed from the GS1 algorithm). */
export const checkDigitVectors: CheckDigitVector[] = (
  JSON.parse(readFileSync(new URL('../fixtures/gs1/gtin-check-digit-vectors.json', import.meta.url), 'utf8')) as {
    vectors: CheckDigitVector[];
  }
).vectors;
