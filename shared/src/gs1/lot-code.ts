import type { LocalizedText } from '../i18n/locale.js';

/** GS1 AI (10) batch/lot number: at most 20 characters of GS1 AI encodable character set 82. */
export const LOT_CODE_MAX_LENGTH = 20;

export type LotCodeProblem = 'empty' | 'too_long' | 'invalid_character';

// The portal's one lot-code rule: the whole of GS1 AI (10), General Specifications figure 7.11-1
// (character set 82: ASCII letters, digits and !"%&'()*+,-./:;<=>?_), no narrower. Lots also come
// from partners' systems and printed GS1-128 labels (EPCIS capture, the import): refusing a code GS1
// allows would leave their records unsearchable and unexportable. The characters that need care
// elsewhere are handled there (percent-encoding in Digital Link paths, formula guards in CSV).
// No space: a lot code sits in a barcode or a URI path unambiguously.
const CSET82_CHAR = /^[A-Za-z0-9!"%&'()*+,\-./:;<=>?_]$/;
const CSET82 = /^[A-Za-z0-9!"%&'()*+,\-./:;<=>?_]*$/;

/** True when every character of `value` is in GS1 character set 82 (also used for serials, AI 21). */
export function isCset82(value: string): boolean {
  return CSET82.test(value);
}

export function lotCodeProblem(lot: string): LotCodeProblem | null {
  if (lot.length === 0) return 'empty';
  if (lot.length > LOT_CODE_MAX_LENGTH) return 'too_long';
  if (!isCset82(lot)) return 'invalid_character';
  return null;
}

export function isValidLotCode(lot: string): boolean {
  return lotCodeProblem(lot) === null;
}

/** The rule in words, for every form hint, template guide and error message that states it. */
export const LOT_CODE_RULE: LocalizedText = {
  vi: `Tối đa ${LOT_CODE_MAX_LENGTH} ký tự: chữ cái không dấu, chữ số và các ký tự !"%&'()*+,-./:;<=>?_ (nên dùng - để tách, ví dụ PT-2026-01); không có dấu cách hay chữ có dấu`,
  en: `At most ${LOT_CODE_MAX_LENGTH} characters: letters without diacritics, digits and !"%&'()*+,-./:;<=>?_ (best use - to separate parts, e.g. PT-2026-01); no spaces or accented letters`,
};

/**
 * Proposes a lot code from a Vietnamese display name, e.g. "Bưởi Phúc Trạch lô 1/2026" ->
 * "BUOI-PHUC-TRACH-LO-1". The result may be empty (nothing usable in the name) and is only a
 * suggestion: the user confirms it, and uniqueness per product is checked elsewhere.
 */
export function suggestLotCode(text: string): string {
  const ascii = text
    .normalize('NFD')
    // Combining marks carry the Vietnamese tones and vowel shapes (ư = u + horn, ạ = a + dot below).
    .replace(/[\u0300-\u036f]/g, '')
    // đ/Đ are letters of their own, not d plus a mark, so NFD leaves them alone.
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .trim()
    .replace(/\s+/g, '-');
  let code = '';
  for (const char of ascii) {
    if (CSET82_CHAR.test(char)) code += char;
  }
  return code
    .replace(/-{2,}/g, '-') // "Bưởi - lô 1" would otherwise give "BUOI---LO-1"
    .toUpperCase()
    .replace(/^-+/, '')
    .slice(0, LOT_CODE_MAX_LENGTH)
    .replace(/-+$/, ''); // cutting at 20 can leave a dangling separator
}

/**
 * The corrected code offered for text that breaks the rule with its characters (spaces,
 * diacritics): what the batch form offers to take with one click and the import names. Null
 * when the text is valid, only too long or empty, or nothing usable is left of it.
 */
export function suggestedLotCode(text: string): string | null {
  if (lotCodeProblem(text) !== 'invalid_character') return null;
  const suggestion = suggestLotCode(text);
  return isValidLotCode(suggestion) ? suggestion : null;
}
