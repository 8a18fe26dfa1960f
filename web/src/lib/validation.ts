import { PASSWORD_MIN_LENGTH } from '@nguon/shared';
import type { MessageKey } from './i18n';

const EMAIL = /^\S+@\S+\.\S+$/;

/** What is wrong with an email as typed, if anything: a loose check, the server has the last word. */
export function emailProblem(value: string, { optional = false } = {}): MessageKey | null {
  const email = value.trim();
  if (email === '') return optional ? null : 'form.required';
  return EMAIL.test(email) ? null : 'form.email';
}

/** The server's password rule, checked before sending (counted in characters, not UTF-16 units). */
export function passwordTooShort(value: string): boolean {
  return [...value].length < PASSWORD_MIN_LENGTH;
}
