import { displayPrefix, prefixOfGtin, type ClaimHolder, type Gs1PrefixView, type LocalizedText } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { findBusinessStatus } from '../auth/business-status.queries.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import {
  deletePrefixes,
  findHolders,
  findPrefixConflicts,
  findTaxCode,
  findTaxCodeHolders,
  findUnconfirmedPrefixes,
  insertPrefixes,
  loadPrefixClaims,
  loadTaxCodeClaims,
  markClaimsConfirmed,
  prefixesOf,
  type HolderRow,
} from './business-claims.queries.js';

/**
 * A business's claims on identifiers: its tax code and its GS1 company prefixes. A claim counts
 * against other businesses only once an administrator confirmed it (at verification); the
 * database keeps confirmed tax codes unique and confirmed prefixes from overlapping.
 */

export interface ClaimsOfBusiness {
  prefixes: Gs1PrefixView[];
  taxCodeConflict: ClaimHolder | null;
}

/** The prefixes of the businesses, each unconfirmed claim with the verified business it collides with. */
export async function loadClaims(
  db: EntityManager,
  businesses: { id: string; taxCode: string; taxCodeConfirmed: boolean }[],
): Promise<Map<string, ClaimsOfBusiness>> {
  const ids = businesses.map((b) => b.id);
  const claims = new Map<string, ClaimsOfBusiness>(ids.map((id) => [id, { prefixes: [], taxCodeConflict: null }]));
  if (ids.length === 0) return claims;
  const [prefixes, taxCodes] = await Promise.all([loadPrefixClaims(db, ids), loadTaxCodeClaims(db, ids)]);
  for (const row of prefixes) {
    claims.get(row.business_id)!.prefixes.push({
      prefix: row.prefix,
      display: displayPrefix(row.prefix),
      confirmed: row.confirmed,
      conflict: row.holder_id ? { businessId: row.holder_id, legalName: row.holder_name! } : null,
    });
  }
  for (const row of taxCodes) claims.get(row.business_id)!.taxCodeConflict = { businessId: row.holder_id, legalName: row.holder_name };
  return claims;
}

/**
 * The businesses whose confirmed prefixes cover these GTIN-14s and GLNs, by key (confirmed
 * prefixes never overlap): one query. A GLN belongs to the business whose prefix covers it, as
 * GS1 allots GLNs under company prefixes; not to whoever typed it as its own: only an
 * administrator's confirmation makes a prefix, and the GLNs under it, a business's.
 */
export async function holdersOf(db: EntityManager, keys: { gtins: string[]; glns: string[] }): Promise<Map<string, ClaimHolder>> {
  const digitsOf = new Map<string, string>([
    ...keys.gtins.map((gtin): [string, string] => [gtin, gtin.slice(1, 13)]),
    ...keys.glns.map((gln): [string, string] => [gln, gln.slice(0, 12)]),
  ]);
  if (!digitsOf.size) return new Map();
  const rows = await findHolders(db, [...new Set(digitsOf.values())]);
  const byDigits = new Map(rows.map((r) => [r.digits, { businessId: r.id, legalName: r.legal_name }]));
  return new Map([...digitsOf].flatMap(([key, digits]) => (byDigits.has(digits) ? [[key, byDigits.get(digits)!]] : [])));
}

/** Why a GTIN is refused, naming the prefixes the business may use. */
export function outsidePrefixesText(gtin14: string, prefixes: readonly string[], which: 'declared' | 'confirmed'): LocalizedText {
  const texts = RULE_MESSAGES.businesses;
  if (prefixes.length === 0) return which === 'confirmed' ? texts.noConfirmedPrefix(gtin14) : texts.noDeclaredPrefix(gtin14);
  const list = prefixes.map(displayPrefix).join(', ');
  return which === 'confirmed' ? texts.outsideConfirmedPrefixes(gtin14, list) : texts.outsideDeclaredPrefixes(gtin14, list);
}

/**
 * A product's GTIN must fall under the business's prefixes: any it declared while it waits for
 * verification, only confirmed ones once it publishes (verified or suspended).
 */
export async function assertProductGtinClaimed(db: EntityManager, businessId: string, gtin14: string): Promise<void> {
  const status = await findBusinessStatus(db, businessId);
  const which = status !== null && ['verified', 'suspended'].includes(status) ? 'confirmed' : 'declared';
  const prefixes = await prefixesOf(db, businessId, which);
  if (prefixOfGtin(gtin14, prefixes)) return;
  const text = outsidePrefixesText(gtin14, prefixes, which);
  throw new DomainError('GTIN_OUTSIDE_PREFIXES', text, { gtin: [text] });
}

/**
 * The business's own GLN falls under its prefixes as its GTINs do: any it declared while it waits
 * for verification, only confirmed ones once it publishes (a GLN has a GTIN-13's structure).
 */
export async function assertGlnClaimed(db: EntityManager, businessId: string, gln: string): Promise<void> {
  const status = await findBusinessStatus(db, businessId);
  const which = status !== null && ['verified', 'suspended'].includes(status) ? 'confirmed' : 'declared';
  const prefixes = await prefixesOf(db, businessId, which);
  if (prefixOfGtin(`0${gln}`, prefixes)) return;
  const text = RULE_MESSAGES.businesses.glnOutsidePrefixes(gln, prefixes.map(displayPrefix).join(', '), which);
  throw new DomainError('GLN_OUTSIDE_PREFIXES', text, { gln: [text] });
}

/** Confirmed claims of other businesses that the given tax code and prefixes collide with. */
export async function conflictsWith(
  db: EntityManager,
  businessId: string | null,
  taxCode: string | null,
  prefixes: readonly string[],
): Promise<{ taxCode: ClaimHolder | null; prefixes: { prefix: string; theirs: string; holder: ClaimHolder }[] }> {
  const [taxHolders, prefixHolders] = await Promise.all([
    taxCode === null ? Promise.resolve([]) : findTaxCodeHolders(db, taxCode, businessId),
    prefixes.length === 0 ? Promise.resolve([]) : findPrefixConflicts(db, prefixes, businessId),
  ]);
  const holder = (row: HolderRow): ClaimHolder => ({ businessId: row.id, legalName: row.legal_name });
  return {
    taxCode: taxHolders[0] ? holder(taxHolders[0]) : null,
    prefixes: prefixHolders.map((row) => ({ prefix: row.prefix, theirs: row.theirs, holder: holder(row) })),
  };
}

/** Refuses claims that a verified business already holds, naming what and whose. */
export async function assertNoConflicts(
  db: EntityManager,
  businessId: string | null,
  taxCode: string | null,
  prefixes: readonly string[],
): Promise<void> {
  const found = await conflictsWith(db, businessId, taxCode, prefixes);
  // A holder is only ever found for a tax code given.
  if (found.taxCode && taxCode !== null) {
    const name = found.taxCode.legalName;
    throw new DomainError('TAX_CODE_TAKEN', RULE_MESSAGES.businesses.taxCodeTaken(taxCode, name), {
      taxCode: [RULE_MESSAGES.businesses.taxCodeHeldBy(name)],
    });
  }
  if (found.prefixes.length) {
    const text = RULE_MESSAGES.businesses.prefixesTaken(
      found.prefixes.map((c) => ({ prefix: displayPrefix(c.prefix), theirs: displayPrefix(c.theirs), holder: c.holder.legalName })),
    );
    throw new DomainError('PREFIX_TAKEN', text, { gs1Prefixes: [text] });
  }
}

/**
 * Confirms all the business's claims (an administrator, at verification or after a change of
 * prefixes), after refusing any a verified business already holds. Two confirmations racing for
 * the same claim meet the database's unique index or exclusion constraint: one wins.
 */
export async function confirmClaims(tx: EntityManager, businessId: string, adminId: string): Promise<string[]> {
  const taxCode = await findTaxCode(tx, businessId);
  const prefixes = await findUnconfirmedPrefixes(tx, businessId);
  await assertNoConflicts(tx, businessId, taxCode!, prefixes);
  await markClaimsConfirmed(tx, businessId, adminId);
  return prefixes;
}

/**
 * Replaces the business's declared prefixes: kept ones keep their confirmation, new ones wait for
 * an administrator. Returns what was added and removed.
 */
export async function replacePrefixes(
  tx: EntityManager,
  businessId: string,
  prefixes: readonly string[],
): Promise<{ added: string[]; removed: string[] }> {
  const current = await prefixesOf(tx, businessId, 'declared');
  const added = prefixes.filter((p) => !current.includes(p));
  const removed = current.filter((p) => !prefixes.includes(p));
  if (removed.length) await deletePrefixes(tx, businessId, removed);
  if (added.length) await insertPrefixes(tx, businessId, added);
  return { added, removed };
}
