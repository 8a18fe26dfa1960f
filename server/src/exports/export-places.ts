import type { Locale } from '@nguon/shared';

/** A location of a business (a farm, a factory, a warehouse), as the export reads it. */
export interface Site {
  name: string;
  /** The address and province, joined. */
  address: string;
  gln: string | null;
}

/** A business on the portal, or a party named in free text (then only `name`). */
export interface Party {
  name: string;
  phone: string | null;
  /** The address line, commune and province, joined. */
  address: string | null;
  gln: string | null;
}

/**
 * Where something happened and who was there: FSMA 204's "location description" (21 CFR 1.1310:
 * the business name, phone number and physical address) is the two together.
 */
export interface Place {
  site: Site | null;
  party: Party | null;
}

/** SQL: a `Site` as JSON from locations row `alias`, null when the join found none. */
export function siteJson(alias: string): string {
  return `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object(
    'name', ${alias}.name, 'address', concat_ws(', ', nullif(${alias}.address, ''), nullif(${alias}.province, '')), 'gln', ${alias}.gln) END`;
}

/** SQL: a `Party` as JSON from businesses row `alias`, null when the join found none. */
export function partyJson(alias: string): string {
  return `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object(
    'name', ${alias}.legal_name, 'phone', ${alias}.phone, 'gln', ${alias}.gln,
    'address', concat_ws(', ', nullif(${alias}.address_line, ''), nullif(${alias}.commune, ''), nullif(${alias}.province, ''))) END`;
}

/** A party named only in free text (not on the portal). */
export const namedParty = (name: string): Party => ({ name, phone: null, address: null, gln: null });

const PHONE: Record<Locale, string> = { vi: 'ĐT', en: 'tel.' };

const joined = (parts: (string | null | undefined)[], separator = ', ') => parts.filter((p): p is string => !!p).join(separator);

/** "HTX Cam Hương Khê, Xã Hương Trà, Hà Tĩnh, ĐT 0912 345 678". */
export function describeParty(party: Party | null, locale: Locale): string {
  if (!party) return '';
  return joined([party.name, party.address, party.phone ? `${PHONE[locale]} ${party.phone}` : null]);
}

/** "Vườn cam Hương Khê, Thôn 3, Hà Tĩnh". */
export function describeSite(site: Site | null): string {
  return site ? joined([site.name, site.address]) : '';
}

/** The place, then the business there: "Vườn cam Hương Khê, Hà Tĩnh; HTX Cam Hương Khê, ..., ĐT ...". */
export function describePlace(place: Place | null, locale: Locale): string {
  return place ? joined([describeSite(place.site), describeParty(place.party, locale)], '; ') : '';
}

/** The place's GLN, else its business's: a reference to the place that others can look up. */
export function glnOf(place: Place | null): string {
  return place?.site?.gln ?? place?.party?.gln ?? '';
}
