/**
 * Characters a file name must not carry: C0/C1 controls, and the bidirectional formatting marks
 * that make `invoice‮fdp.exe` read as `invoiceexe.pdf` (U+200E/F, U+061C, U+202A–E, U+2066–9),
 * and the line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The name without unsafe characters; used at upload and again whenever a name is served. */
export function safeFileName(name: string): string {
  return name.replace(UNSAFE, '');
}

/** The name as the person knows it, without any folder part or unsafe characters, or null if nothing is left. */
export function cleanFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return safeFileName(base).trim().normalize('NFC') || null;
}
