/**
 * Folds a text for searching with or without Vietnamese diacritics: "Hương Khê" → "huong khe",
 * "Đồng" → "dong". Tone marks and vowel hooks are combining marks after NFD; đ is a letter of
 * its own and needs its own rule.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
