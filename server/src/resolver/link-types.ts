import type { Locale, LocalizedText } from '@nguon/shared';

/** GS1's web vocabulary, where link types are defined (the linkset's keys are in this form). */
export const GS1_VOC = 'https://gs1.org/voc/';

/** The forms a client may name a GS1 link type in: the CURIE and the vocabulary's URIs. */
const LINK_TYPE_FORMS = /^(?:gs1:|https?:\/\/(?:www\.|ref\.)?gs1\.org\/voc\/)([A-Za-z][A-Za-z0-9]*)$/;

/** The link types the resolver answers for a code, in the order a linkset lists them. */
export type LinkType = 'defaultLink' | 'pip' | 'traceability' | 'certificationInfo' | 'qrCode';

/** What the client asked for with `?linkType=`: every link, one type (by its name in GS1's vocabulary), or nothing. */
export type AskedLinkType = { all: true } | { name: string } | null;

export function askedLinkType(value: string | undefined): AskedLinkType {
  if (value === undefined || value === '') return null;
  if (value === 'all' || value === 'linkset') return { all: true };
  // Anything else is a type the resolver may not have: the default link answers it, with a note.
  return { name: LINK_TYPE_FORMS.exec(value)?.[1] ?? value };
}

/** A link of a code: its type, where it goes, what it is, and its title in both languages. */
export interface CodeLink {
  type: LinkType;
  href: string;
  mediaType: string;
  title: LocalizedText;
  /** Languages the target is in, when it is a page. */
  hreflang?: string[];
}

/** The link in the linkset's JSON form (RFC 9264), its title in the asked language. */
export function linkTarget(link: CodeLink, locale: Locale): Record<string, unknown> {
  return {
    href: link.href,
    title: link.title[locale],
    type: link.mediaType,
    ...(link.hreflang ? { hreflang: link.hreflang } : {}),
  };
}
