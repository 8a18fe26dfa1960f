import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestApp } from './test-app.js';

/** A message the portal sent, as the mail folder keeps it (nodemailer's JSON rendering). */
export interface SentMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Every message sent to the address (any letter case), oldest first. */
export async function mailsTo(t: TestApp, email: string): Promise<SentMail[]> {
  const mail = t.config.mail;
  if (mail.transport !== 'dir') throw new Error('the test app does not keep mail in a folder');
  const names = (await readdir(mail.dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  const all = await Promise.all(
    names.map(async (name) => {
      const raw = JSON.parse(await readFile(path.join(mail.dir, name), 'utf8')) as {
        to: { address: string }[];
        subject: string;
        text: string;
        html: string;
      };
      return { to: raw.to.map((a) => a.address).join(', '), subject: raw.subject, text: raw.text, html: raw.html };
    }),
  );
  return all.filter((m) => m.to.toLowerCase() === email.toLowerCase());
}

/** The newest message sent to the address; fails when there is none. */
export async function lastMailTo(t: TestApp, email: string): Promise<SentMail> {
  const mails = await mailsTo(t, email);
  const last = mails.at(-1);
  if (!last) throw new Error(`no mail was sent to ${email}`);
  return last;
}

/** The token of the link to `page` (e.g. /verify-email) in a message, read from its text. */
export function tokenIn(mail: SentMail, page: '/verify-email' | '/invitations/accept'): string {
  const match = new RegExp(`https?://[^\\s]+${page}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${page} link in the mail "${mail.subject}"`);
  return match[1]!;
}
