import { displayPrefix, prefixOfGtin, type ClaimHolder, type Gs1PrefixView, type LocalizedText } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';

/**
 * A business's claims on identifiers: its tax code and its GS1 company prefixes. A claim counts
 * against other businesses only once an administrator confirmed it (at verification); the
 * database keeps confirmed tax codes unique and confirmed prefixes from overlapping.
 */

export interface ClaimsOfBusiness {
  prefixes: Gs1PrefixView[];
  taxCodeConflict: ClaimHolder | null;
}

interface PrefixRow {
  business_id: string;
  prefix: string;
  confirmed: boolean;
  holder_id: string | null;
  holder_name: string | null;
}
interface TaxRow {
  business_id: string;
  holder_id: string;
  holder_name: string;
}

/** The prefixes of the businesses, each unconfirmed claim with the verified business it collides with. */
export async function loadClaims(
  db: EntityManager,
  businesses: { id: string; taxCode: string; taxCodeConfirmed: boolean }[],
): Promise<Map<string, ClaimsOfBusiness>> {
  const ids = businesses.map((b) => b.id);
  const claims = new Map<string, ClaimsOfBusiness>(ids.map((id) => [id, { prefixes: [], taxCodeConflict: null }]));
  if (ids.length === 0) return claims;
  const [prefixes, taxCodes]: [PrefixRow[], TaxRow[]] = await Promise.all([
    db.query(
      `SELECT c.business_id, c.prefix, c.confirmed, h.id AS holder_id, h.legal_name AS holder_name
         FROM business_gs1_prefixes c
         LEFT JOIN LATERAL (
           SELECT ob.id, ob.legal_name FROM business_gs1_prefixes o JOIN businesses ob ON ob.id = o.business_id
            WHERE NOT c.confirmed AND o.confirmed AND o.coverage && c.coverage AND o.business_id <> c.business_id LIMIT 1
         ) h ON true
        WHERE c.business_id = ANY($1::uuid[])
        ORDER BY c.prefix`,
      [ids],
    ),
    db.query(
      `SELECT b.id AS business_id, h.id AS holder_id, h.legal_name AS holder_name
         FROM businesses b JOIN businesses h ON h.tax_code = b.tax_code AND h.tax_code_confirmed AND h.id <> b.id
        WHERE b.id = ANY($1::uuid[]) AND NOT b.tax_code_confirmed`,
      [ids],
    ),
  ]);
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

/** The business's prefixes: all it declared, or only those an administrator confirmed. */
export async function prefixesOf(db: EntityManager, businessId: string, which: 'declared' | 'confirmed'): Promise<string[]> {
  const rows: { prefix: string }[] = await db.query(
    `SELECT prefix FROM business_gs1_prefixes WHERE business_id = $1 ${which === 'confirmed' ? 'AND confirmed' : ''} ORDER BY prefix`,
    [businessId],
  );
  return rows.map((r) => r.prefix);
}

/** The business whose confirmed prefix covers a GTIN-14, if one does (confirmed prefixes never overlap). */
export async function holderOfGtin(db: EntityManager, gtin14: string): Promise<ClaimHolder | null> {
  const [row]: { id: string; legal_name: string }[] = await db.query(
    `SELECT b.id, b.legal_name FROM business_gs1_prefixes c JOIN businesses b ON b.id = c.business_id
      WHERE c.confirmed AND c.coverage @> $1::int8 LIMIT 1`,
    [gtin14.slice(1, 13)],
  );
  return row ? { businessId: row.id, legalName: row.legal_name } : null;
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
  const [business]: { status: string }[] = await db.query(`SELECT status FROM businesses WHERE id = $1`, [businessId]);
  const which = business && ['verified', 'suspended'].includes(business.status) ? 'confirmed' : 'declared';
  const prefixes = await prefixesOf(db, businessId, which);
  if (prefixOfGtin(gtin14, prefixes)) return;
  const text = outsidePrefixesText(gtin14, prefixes, which);
  throw new DomainError('GTIN_OUTSIDE_PREFIXES', text, { gtin: [text] });
}

/** Confirmed claims of other businesses that the given tax code and prefixes collide with. */
export async function conflictsWith(
  db: EntityManager,
  businessId: string | null,
  taxCode: string | null,
  prefixes: readonly string[],
): Promise<{ taxCode: ClaimHolder | null; prefixes: { prefix: string; theirs: string; holder: ClaimHolder }[] }> {
  const [taxHolders, prefixHolders]: [
    { id: string; legal_name: string }[],
    { prefix: string; theirs: string; id: string; legal_name: string }[],
  ] = await Promise.all([
    taxCode === null
      ? Promise.resolve([])
      : db.query(
          `SELECT id, legal_name FROM businesses WHERE tax_code = $1 AND tax_code_confirmed AND id IS DISTINCT FROM $2::uuid LIMIT 1`,
          [taxCode, businessId],
        ),
    prefixes.length === 0
      ? Promise.resolve([])
      : db.query(
          `SELECT p.prefix, o.prefix AS theirs, ob.id, ob.legal_name
         FROM unnest($1::text[]) AS p (prefix)
         JOIN business_gs1_prefixes o ON o.confirmed AND o.business_id IS DISTINCT FROM $2::uuid
          AND o.coverage && nguon_gs1_prefix_range(p.prefix)
         JOIN businesses ob ON ob.id = o.business_id
        ORDER BY p.prefix`,
          [prefixes, businessId],
        ),
  ]);
  const holder = (row: { id: string; legal_name: string }): ClaimHolder => ({ businessId: row.id, legalName: row.legal_name });
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
  const [business]: { tax_code: string }[] = await tx.query(`SELECT tax_code FROM businesses WHERE id = $1`, [businessId]);
  const unconfirmed: { prefix: string }[] = await tx.query(
    `SELECT prefix FROM business_gs1_prefixes WHERE business_id = $1 AND NOT confirmed`,
    [businessId],
  );
  const prefixes = unconfirmed.map((r) => r.prefix);
  await assertNoConflicts(tx, businessId, business!.tax_code, prefixes);
  await tx.query(`UPDATE businesses SET tax_code_confirmed = true WHERE id = $1`, [businessId]);
  await tx.query(
    `UPDATE business_gs1_prefixes SET confirmed = true, confirmed_at = now(), confirmed_by = $2 WHERE business_id = $1 AND NOT confirmed`,
    [businessId, adminId],
  );
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
  if (removed.length)
    await tx.query(`DELETE FROM business_gs1_prefixes WHERE business_id = $1 AND prefix = ANY($2::text[])`, [businessId, removed]);
  if (added.length)
    await tx.query(`INSERT INTO business_gs1_prefixes (business_id, prefix) SELECT $1, unnest($2::text[])`, [businessId, added]);
  return { added, removed };
}
