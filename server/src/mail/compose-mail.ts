import type { LocalizedText } from '@nguon/shared';
import type { MailMessage } from './mailer.js';

export interface MailContent {
  subject: LocalizedText;
  /** Paragraphs in each language, Vietnamese shown first. */
  paragraphs: { vi: string[]; en: string[] };
  /** The link the mail is about, as a button (HTML) and a bare URL (text). */
  action?: { label: LocalizedText; url: string };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One bilingual mail (Vietnamese, then English) as plain text and HTML. */
export function composeMail(to: string, content: MailContent): MailMessage {
  const { subject, paragraphs, action } = content;
  const part = (lang: 'vi' | 'en') => ({
    text: [...paragraphs[lang], ...(action ? [`${action.label[lang]}: ${action.url}`] : [])].join('\n\n'),
    html: [
      ...paragraphs[lang].map((p) => `<p>${escapeHtml(p)}</p>`),
      ...(action ? [`<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label[lang])}</a></p>`] : []),
    ].join('\n'),
  });
  const vi = part('vi');
  const en = part('en');
  return {
    to,
    subject: `${subject.vi} / ${subject.en}`,
    text: `${vi.text}\n\n———\n\n${en.text}\n`,
    html: `<!doctype html><html><body>\n<div lang="vi">\n${vi.html}\n</div>\n<hr>\n<div lang="en">\n${en.html}\n</div>\n</body></html>\n`,
  };
}
